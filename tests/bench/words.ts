/**
 * Vocabulary of the generated catalog: titles are 2–4 of these words, creators a first and a last name.
 * Alphanumeric only, so every word is also a word of `media.search_words` (migrations/0002).
 */
export const titleWords = `
shadow light dragon river crown empire garden winter summer autumn spring night morning silver golden iron
glass stone fire water storm thunder rain snow wind star moon sun ocean forest mountain valley desert island
city kingdom castle tower bridge road journey voyage return rising fall song dance dream memory secret
promise legend myth tale story chronicle saga ballad echo whisper silence voice heart soul spirit ghost
angel demon witch wizard knight king queen prince princess hunter thief soldier pilot captain doctor
detective stranger traveler wanderer orphan sister brother mother father daughter son friend enemy lover
rebel outlaw hero villain monster machine robot engine signal code cipher key door window mirror mask
clock map compass lantern candle blade sword arrow shield hammer bell horn feather wing claw fang eye
hand crow raven wolf fox bear tiger lion eagle serpent whale horse deer owl spider butterfly rose lily
orchid willow oak pine maple cedar thorn ember ash dust smoke frost flame spark blaze tide wave harbor
lighthouse station train ship rocket planet galaxy comet nebula orbit void abyss horizon frontier border
edge line circle square spiral maze labyrinth garden library museum theater circus carnival festival
market tavern inn chapel temple shrine cathedral palace prison fortress village town street alley
rooftop basement attic cellar tunnel cave mine well spring lake pond marsh swamp meadow field prairie
canyon cliff summit peak glacier volcano reef lagoon bay cove delta estuary archipelago continent world
universe dimension realm province colony republic dynasty legion order guild circle council court
trial verdict sentence crime murder mystery riddle puzzle game match race chase hunt escape rescue
siege battle war peace truce alliance betrayal revenge redemption destiny fate fortune chance luck
miracle wonder magic curse blessing prophecy oracle vision omen sign token relic artifact treasure
crystal diamond emerald ruby sapphire pearl amber jade ivory velvet silk paper ink letter diary
journal notebook poem verse chapter volume book page word name number zero infinity moment hour
minute second century decade year season eclipse dawn dusk twilight midnight noon evening afternoon
red blue green black white grey scarlet crimson violet azure cobalt indigo emerald hollow broken
lost hidden forgotten silent secret wild quiet bright dark deep last first final eternal endless
ancient modern distant little great small tall brave bold lonely gentle cruel fierce savage noble
royal sacred holy wicked strange curious clever foolish mad wise young old new second third hundred
thousand million seven twelve north south east west upper lower inner outer beyond beneath above
between within without against toward after before under over electric atomic cosmic solar lunar
stellar quantum digital neon chrome steel copper bronze marble granite obsidian velvet paradise
inferno heaven haven sanctuary refuge exile pilgrim nomad samurai ninja ronin shogun pirate corsair
viking pharaoh sultan emperor tsar baron duke count lord lady maiden widow bride groom heir orphan
`
	.trim()
	.split(/\s+/)
	.filter((word, index, all) => all.indexOf(word) === index);

export const firstNames = `
ada alan alice amara anna arthur aya beatrice ben carlos chen chloe clara daniel diego elena eli emma
felix freya gabriel grace hana hugo ines isaac ivan jade james jin julia kai kenji lara leo lina luca
maya marco mei mila nadia noah nora omar oscar paolo priya rafael rosa ruth sam sara sofia tariq theo
una vera victor wei yara yuki zara
`
	.trim()
	.split(/\s+/);

export const lastNames = `
abbott acosta adler alvarez ambrose ando baker barros becker bianchi blackwood brennan castillo chang
dalton duarte eklund fischer fontaine garcia gallagher hayashi hoffman ibarra ivanova jansen kato keller
kowalski larsen lindqvist moreau murphy nakamura novak okafor olsen park petrov quinn ramos rossi sato
schmidt silva sorensen tanaka torres ueda vance volkov walsh weber xu yamada zhang zimmerman
`
	.trim()
	.split(/\s+/);

export const reviewSentences = [
	"The pacing drags in the middle but the last act earns every minute.",
	"I came for the premise and stayed for the characters.",
	"Beautifully made, though the ending left me cold.",
	"A slow start, then it never lets go.",
	"Not for everyone, but it found me at the right time.",
	"The world building is dense and rewarding on a second pass.",
	"Some scenes are unforgettable; others are simply filler.",
	"It wears its influences openly and improves on most of them.",
	"The dialogue is sharp and the structure is clever.",
	"I would recommend it to anyone who liked the first one.",
	"Overlong, but the good parts are very good.",
	"Quietly devastating.",
];
