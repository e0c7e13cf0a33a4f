import { randomUUID } from 'node:crypto';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { msg, RecordingRequestSchema, type Preset, type RecordingRequest, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import { statementsOf, type StatementCache } from './statements';

type Row = Record<string, SQLInputValue>;

/** Input of {@link PresetStore.save} (the parsed `presets:save` input). */
export interface PresetSave {
  id?: string | undefined;
  name: string;
  vendor: VendorId;
  accountId: string | null;
  request: RecordingRequest;
}

/**
 * Saved recording requests. A preset holds the normalized request, whose storage target is a
 * reference (`storageTargetId`): keys never enter a preset.
 */
export class PresetStore {
  private readonly statements: StatementCache;

  constructor(
    db: DatabaseSync,
    private readonly now: () => number,
    private readonly newId: () => string = randomUUID,
  ) {
    this.statements = statementsOf(db);
  }

  list(): Preset[] {
    return (this.statements.get('SELECT * FROM presets ORDER BY name COLLATE NOCASE').all() as Row[]).map(decode);
  }

  get(id: string): Preset {
    const r = this.statements.get('SELECT * FROM presets WHERE id = ?').get(id) as Row | undefined;
    if (!r) throw new AppFailure('NOT_FOUND', msg('preset.notFound', { id }), { details: { id } });
    return decode(r);
  }

  /** Creates (no id) or replaces a preset; names are unique regardless of case. */
  save(input: PresetSave): Preset {
    const at = this.now();
    const clash = this.statements.get('SELECT id FROM presets WHERE name = ? COLLATE NOCASE').get(input.name) as Row | undefined;
    if (clash && clash['id'] !== input.id) {
      throw new AppFailure('VALIDATION', msg('preset.nameTaken', { name: input.name }), { details: { fields: { name: msg('preset.nameUsed') } } });
    }
    const request = JSON.stringify(input.request);
    if (input.id !== undefined) {
      const existing = this.get(input.id);
      this.statements
        .get('UPDATE presets SET name = ?, vendor = ?, account_id = ?, request_json = ?, updated_at = ? WHERE id = ?')
        .run(input.name, input.vendor, input.accountId, request, at, existing.id);
      return this.get(existing.id);
    }
    const id = this.newId();
    this.statements
      .get('INSERT INTO presets (id, name, vendor, account_id, request_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.name, input.vendor, input.accountId, request, at, at);
    return this.get(id);
  }

  delete(id: string): { deleted: true } {
    const r = this.statements.get('DELETE FROM presets WHERE id = ?').run(id);
    if (Number(r.changes) === 0) throw new AppFailure('NOT_FOUND', msg('preset.notFound', { id }), { details: { id } });
    return { deleted: true };
  }
}

function decode(r: Row): Preset {
  return {
    id: String(r['id']),
    name: String(r['name']),
    vendor: String(r['vendor']) as VendorId,
    accountId: r['account_id'] === null ? null : String(r['account_id']),
    request: RecordingRequestSchema.parse(JSON.parse(String(r['request_json']))),
    createdAt: Number(r['created_at']),
    updatedAt: Number(r['updated_at']),
  };
}
