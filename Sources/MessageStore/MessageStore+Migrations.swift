// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import GRDB

extension MessageStore {
    /// Named, forward-only migrations. A released migration is never edited; changes come as new ones.
    ///
    /// Times are milliseconds since 1970 (device clock) unless a column says otherwise.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 inbox, outbox, contacts, sync outbox, dead letters") { db in
            try db.execute(
                sql: """
                    CREATE TABLE inbound_message (
                        id INTEGER PRIMARY KEY,
                        sender TEXT NOT NULL,
                        sender_is_alphanumeric INTEGER NOT NULL CHECK (sender_is_alphanumeric IN (0, 1)),
                        text TEXT NOT NULL,
                        encoding TEXT NOT NULL,
                        sent_at TEXT,
                        received_at INTEGER NOT NULL,
                        part_count INTEGER NOT NULL CHECK (part_count >= 1),
                        missing_parts INTEGER NOT NULL DEFAULT 0 CHECK (missing_parts >= 0),
                        handled_at INTEGER
                    );
                    CREATE INDEX inbound_message_unhandled ON inbound_message(handled_at) WHERE handled_at IS NULL;

                    CREATE TABLE inbound_part (
                        id INTEGER PRIMARY KEY,
                        pdu TEXT NOT NULL,
                        storage TEXT NOT NULL,
                        slot INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        decode_error TEXT,
                        kind TEXT,
                        sender TEXT,
                        concat_key TEXT,
                        concat_part INTEGER,
                        concat_total INTEGER,
                        message_id INTEGER REFERENCES inbound_message(id),
                        UNIQUE (pdu, storage, slot)
                    );
                    CREATE INDEX inbound_part_pending ON inbound_part(concat_key) WHERE message_id IS NULL;

                    CREATE TABLE outbound_message (
                        id INTEGER PRIMARY KEY,
                        recipient TEXT NOT NULL,
                        text TEXT NOT NULL,
                        state TEXT NOT NULL
                            CHECK (state IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'unconfirmed')),
                        origin TEXT NOT NULL,
                        in_reply_to INTEGER REFERENCES inbound_message(id),
                        command_id TEXT UNIQUE,
                        status_report INTEGER NOT NULL DEFAULT 0,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        last_error TEXT
                    );
                    CREATE INDEX outbound_message_due ON outbound_message(state, next_attempt_at);
                    CREATE INDEX outbound_message_recipient ON outbound_message(recipient, created_at);

                    CREATE TABLE outbound_part (
                        outbound_id INTEGER NOT NULL REFERENCES outbound_message(id) ON DELETE CASCADE,
                        part INTEGER NOT NULL,
                        reference INTEGER NOT NULL CHECK (reference BETWEEN 0 AND 255),
                        sent_at INTEGER NOT NULL,
                        delivery_status INTEGER,
                        reported_at INTEGER,
                        PRIMARY KEY (outbound_id, part)
                    );
                    CREATE INDEX outbound_part_reference ON outbound_part(reference, sent_at);

                    CREATE TABLE contact (
                        number TEXT PRIMARY KEY,
                        opted_out INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1)),
                        opted_out_at INTEGER,
                        language TEXT,
                        awaiting_followup_for INTEGER REFERENCES inbound_message(id),
                        updated_at INTEGER NOT NULL
                    );

                    CREATE TABLE sync_outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        event_id TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );

                    CREATE TABLE dead_letter (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        reference TEXT,
                        payload TEXT NOT NULL,
                        error TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2 sms feedback") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sms_feedback (
                        id INTEGER PRIMARY KEY,
                        uuid TEXT NOT NULL UNIQUE,
                        message_id INTEGER NOT NULL UNIQUE REFERENCES inbound_message(id),
                        contact TEXT NOT NULL,
                        score INTEGER CHECK (score BETWEEN 1 AND 6),
                        comment TEXT,
                        category TEXT,
                        comment_message_id INTEGER REFERENCES inbound_message(id),
                        language TEXT,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX sms_feedback_created ON sms_feedback(created_at);
                    CREATE INDEX inbound_message_sender ON inbound_message(sender, received_at);
                    """
            )
        }
        migrator.registerMigration("v3 kiosk responses") { db in
            try db.execute(
                sql: """
                    CREATE TABLE kiosk_response (
                        id TEXT PRIMARY KEY NOT NULL,
                        created_at INTEGER NOT NULL,
                        local_time TEXT NOT NULL,
                        trust_code TEXT NOT NULL,
                        site_code TEXT NOT NULL,
                        ward TEXT NOT NULL,
                        specialty_codes TEXT NOT NULL DEFAULT '',
                        survey_version TEXT NOT NULL,
                        language TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        channel TEXT NOT NULL DEFAULT 'kiosk',
                        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 6),
                        comment TEXT,
                        categories TEXT NOT NULL DEFAULT '',
                        suspect_repeat INTEGER NOT NULL DEFAULT 0 CHECK (suspect_repeat IN (0, 1)),
                        synced_at INTEGER
                    );
                    CREATE INDEX kiosk_response_created ON kiosk_response(created_at);
                    """
            )
        }
        migrator.registerMigration("v4 sync") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_state (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    );

                    CREATE TABLE hub_command (
                        command_id TEXT PRIMARY KEY NOT NULL,
                        type TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        state TEXT NOT NULL
                            CHECK (state IN ('received', 'queued', 'sent', 'delivered', 'failed', 'expired', 'rejected')),
                        outbound_id INTEGER REFERENCES outbound_message(id),
                        reason TEXT,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX hub_command_open ON hub_command(state) WHERE state IN ('received', 'queued', 'sent');
                    """
            )
        }
        migrator.registerMigration("upstream ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE upstream_ledger (
                        event_id TEXT PRIMARY KEY NOT NULL,
                        target TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('posting', 'done', 'unknown', 'rejected', 'repost')),
                        reference TEXT,
                        detail TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX upstream_ledger_open ON upstream_ledger(state) WHERE state IN ('posting', 'unknown');
                    """
            )
        }
        migrator.registerMigration("sim pin refusals") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sim_pin_refusal (
                        sim TEXT NOT NULL,
                        pin_digest TEXT NOT NULL,
                        attempts_left INTEGER,
                        answer TEXT NOT NULL,
                        refused_at INTEGER NOT NULL,
                        PRIMARY KEY (sim, pin_digest)
                    );
                    """
            )
        }
        migrator.registerMigration("modem power reports") { db in
            try db.execute(
                sql: """
                    CREATE TABLE modem_power_report (
                        kind TEXT PRIMARY KEY NOT NULL,
                        count INTEGER NOT NULL,
                        first_at INTEGER NOT NULL,
                        last_at INTEGER NOT NULL
                    );
                    """
            )
        }
        return migrator
    }
}
