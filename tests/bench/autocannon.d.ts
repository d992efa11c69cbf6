/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module "autocannon" {
	type Options = {
		url: string;
		connections?: number;
		pipelining?: number;
		duration?: number;
		requests?: Record<string, unknown>[];
	};
	type Result = { errors: number; timeouts: number; requests: { total: number }; throughput: { total: number } };
	type Instance = Promise<Result> & {
		on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
	};
	function autocannon(options: Options): Instance;
	export default autocannon;
}
