const common = new Set([
	"password",
	"password1",
	"password123",
	"123456789",
	"1234567890",
	"qwertyuiop",
	"iloveyou123",
	"letmein123",
	"welcome123",
	"omnimediatrak",
]);

export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string };

const labels = ["Too weak", "Weak", "Fair", "Strong", "Very strong"] as const;

/** A rough strength estimate for the hint under the password field: length first, then variety. */
export function passwordStrength(password: string): Strength {
	if (password.length < 10 || common.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
		return { score: 0, label: labels[0] };
	}
	const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
	let score = 1;
	if (password.length >= 12) score++;
	if (password.length >= 16) score++;
	if (classes >= 3) score++;
	const bounded = Math.min(score, 4) as Strength["score"];
	return { score: bounded, label: labels[bounded] };
}

export function isCommonPassword(password: string): boolean {
	return common.has(password.toLowerCase());
}
