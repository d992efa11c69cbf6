import { z } from "zod";
import { mediaTypes } from "../../db/schema/columns";
import { countryCodes } from "./countries";
import { isCommonPassword } from "./password-strength";

const MIN_AGE = 13;

// Letters, digits and underscores; no control or formatting characters in names.
export const noControl = (value: string) =>
	!/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/.test(value);

export const usernameField = z
	.string({ error: "Choose a username." })
	.trim()
	.min(3, "Use at least 3 characters.")
	.max(32, "Use at most 32 characters.")
	.regex(/^[A-Za-z0-9_]+$/, "Use only letters, digits and underscores.");

export const emailField = z
	.string({ error: "Enter your email address." })
	.trim()
	.max(254, "That email address is too long.")
	.pipe(z.email("Enter a valid email address."))
	.transform((email) => email.toLowerCase());

export const displayNameField = z
	.string({ error: "Enter the name others will see." })
	.trim()
	.min(1, "Enter the name others will see.")
	.max(64, "Use at most 64 characters.")
	.refine(noControl, "Remove invisible or control characters.");

export const acceptTermsField = z.literal("on", { error: "You must accept the terms to create an account." });

export const newPasswordField = z
	.string({ error: "Choose a password." })
	.min(10, "Use at least 10 characters.")
	.max(128, "Use at most 128 characters.")
	.refine((value) => !isCommonPassword(value), "That password is too common.")
	.refine((value) => !/^(.)\1+$/.test(value), "Use more than one repeated character.");

function isValidPastDate(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function yearsSince(value: string, now = new Date()): number {
	const born = new Date(`${value}T00:00:00Z`);
	let years = now.getUTCFullYear() - born.getUTCFullYear();
	const beforeBirthday =
		now.getUTCMonth() < born.getUTCMonth() ||
		(now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate());
	if (beforeBirthday) years--;
	return years;
}

function bothStrings(value: unknown, a: string, b: string): boolean {
	const record = value as Record<string, unknown> | null;
	return typeof record?.[a] === "string" && typeof record?.[b] === "string";
}

export const RegisterSchema = z
	.object({
		username: usernameField,
		displayName: displayNameField,
		email: emailField,
		password: newPasswordField,
		confirmPassword: z.string({ error: "Repeat your password." }),
		country: z.enum(countryCodes as [string, ...string[]], { error: "Choose a country from the list." }).optional(),
		birthDate: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD.")
			.refine(isValidPastDate, "Enter a real date.")
			.refine((value) => yearsSince(value) >= MIN_AGE, `You must be at least ${MIN_AGE} years old.`)
			.refine((value) => yearsSince(value) <= 120, "Enter a real date of birth.")
			.optional(),
		mediaTypes: z
			.array(z.enum(mediaTypes, { error: "Choose media types from the list." }))
			.max(mediaTypes.length)
			.default([]),
		ratingScale: z.enum(["5", "10", "100"], { error: "Choose a rating scale." }).default("10"),
		acceptTerms: acceptTermsField,
	})
	// `when`: report these even while other fields are still invalid, as long as both values are there.
	.refine((data) => data.password === data.confirmPassword, {
		path: ["confirmPassword"],
		message: "The passwords do not match.",
		when: ({ value }) => bothStrings(value, "password", "confirmPassword"),
	})
	.refine((data) => data.password.toLowerCase() !== data.username.toLowerCase(), {
		path: ["password"],
		message: "Your password must differ from your username.",
		when: ({ value }) => bothStrings(value, "password", "username"),
	});

export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
	email: z
		.string({ error: "Enter your email or username." })
		.trim()
		.min(1, "Enter your email or username.")
		.max(254, "That is too long for an email or username.")
		.refine(noControl, "Remove invisible or control characters."),
	password: z
		.string({ error: "Enter your password." })
		.min(1, "Enter your password.")
		.max(1024, "That password is too long."),
	redirectTo: z.string().max(2048).optional(),
});

export const TwoFactorCodeSchema = z.object({
	code: z
		.string({ error: "Enter the code from your authenticator app or a recovery code." })
		.trim()
		.min(6, "Enter the 6-digit code or a recovery code.")
		.max(20, "That code is too long."),
});

export const CompleteExternalSchema = z.object({
	username: usernameField,
	displayName: displayNameField,
	email: emailField,
	acceptTerms: acceptTermsField,
});
