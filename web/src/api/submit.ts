// Submitting forms: one Idempotency-Key per submission (kept across its retries, renewed
// after success), problem+json mapped onto the form, 409 → the record refetched, 503 → the
// submit button waits out Retry-After. Edits send If-Match from the record's version.
import { App, type FormInstance } from "antd";
import { useEffect, useRef, useState } from "react";
import { ApiError, invalidateRecord, queryClient } from "./client";
import { fieldName, problemText } from "./problem";
import type { paths } from "./schema";

/** The ETag header for an edit of a record read at `version`. */
export function ifMatch(version: number): { "If-Match": string } {
  return { "If-Match": `"${version}"` };
}

/**
 * Puts each `errors[].path` on its form field; returns the problems no field took (their
 * text belongs in the message).
 */
export function applyFieldErrors(form: FormInstance | undefined, err: ApiError): { path: string; message: string }[] {
  const fields = err.fieldErrors;
  if (!form) return fields;
  const rest: { path: string; message: string }[] = [];
  const onForm: { name: (string | number)[]; errors: string[] }[] = [];
  for (const f of fields) {
    const name = fieldName(f.path);
    if (form.getFieldInstance(name) !== undefined || form.getFieldValue(name) !== undefined) onForm.push({ name, errors: [f.message] });
    else rest.push(f);
  }
  form.setFields(onForm);
  return rest;
}

export interface SubmitOptions<T> {
  /** The form whose fields receive `errors[].path`. */
  form?: FormInstance;
  /** The record the submission acts on: refetched (with its allowedActions) after a 409 and after success. */
  record?: { path: keyof paths; id?: string };
  onSuccess?: (data: T) => void;
  /** The success message; none when omitted. */
  success?: string;
}

/**
 * `const submit = useSubmit({ form, record: { path: "/v1/hazards/{id}", id } });`
 * `submit.run((headers) => api.POST("/v1/hazards/{id}/complete", { params: { path: { id } }, body, headers }))`
 * A failed submission keeps the form as typed; submitting again retries with the same key,
 * so the API answers a retry with the first result and never creates a duplicate.
 */
export function useSubmit<T = unknown>(opts: SubmitOptions<T> = {}) {
  const { message } = App.useApp();
  const key = useRef(crypto.randomUUID());
  const [pending, setPending] = useState(false);
  const [retryIn, setRetryIn] = useState(0);

  useEffect(() => {
    if (retryIn <= 0) return;
    const t = setTimeout(() => setRetryIn((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [retryIn]);

  const refresh = () => (opts.record ? invalidateRecord(opts.record.path, opts.record.id) : queryClient.invalidateQueries());

  async function run(call: (headers: { "Idempotency-Key": string }) => Promise<{ data?: T }>): Promise<T | undefined> {
    setPending(true);
    try {
      const { data } = await call({ "Idempotency-Key": key.current });
      key.current = crypto.randomUUID();
      await refresh();
      if (opts.success) message.success(opts.success);
      opts.onSuccess?.(data as T);
      return data;
    } catch (err) {
      const rest = err instanceof ApiError ? applyFieldErrors(opts.form, err) : [];
      const extra = rest.length ? `：${rest.map((f) => `${f.path} ${f.message}`).join("；")}` : "";
      message.error(problemText(err) + extra);
      if (err instanceof ApiError && err.status === 409) await refresh();
      if (err instanceof ApiError && err.status === 503) setRetryIn(err.retryAfterSeconds ?? 5);
      return undefined;
    } finally {
      setPending(false);
    }
  }

  /** Spread onto the submit button: busy while posting, disabled while waiting out Retry-After (show `retryIn`). */
  const button = { loading: pending, disabled: retryIn > 0 };
  return { run, pending, retryIn, button };
}
