import { useEffect, useState } from "react";

/** False on the server and in the first client render; controls that need JavaScript appear after it. */
export function useHydrated(): boolean {
	const [hydrated, setHydrated] = useState(false);
	useEffect(() => setHydrated(true), []);
	return hydrated;
}
