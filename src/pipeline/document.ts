// One annotated document (schema.ts: AnnotatedDocument): how one is started, and the document once read.
import type { AnnotatedDocument, SourceDoc } from '../schema.js';

export type { AnnotatedDocument, AnnotatedPassage, Diagnostic, DocFigure, DocMention } from '../schema.js';

/** A document whose source has been read: what the stages after read, and the records, work on. */
export type ReadDocument = AnnotatedDocument & { source: SourceDoc };

export function isRead(doc: AnnotatedDocument): doc is ReadDocument {
  return doc.source !== null;
}

/** A document to read from a file's bytes, or one read already (a row of a JSONL or CSV file). */
export function newDocument(input: { doc: string; bytes: Uint8Array } | SourceDoc): AnnotatedDocument {
  if ('bytes' in input) return { input, source: null, passages: [], diagnostics: [], assigned: [] };
  return { source: input, passages: [], diagnostics: [], assigned: ['source'] };
}

/** Why a document could not be read, from its diagnostics (undefined when it was read). */
export function unreadable(doc: AnnotatedDocument): string | undefined {
  return doc.source ? undefined : doc.diagnostics.map((d) => d.reason).join('; ') || 'not read';
}
