import Foundation

/// One step of the store's schema, applied once and recorded in `dossier_migrations`.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// Statements for both dialects, unless ``postgres`` differs.
    let sqlite: [String]
    let postgres: [String]

    init(_ version: Int, _ name: String, _ statements: [String]) {
        self.init(version, name, sqlite: statements, postgres: statements)
    }

    init(_ version: Int, _ name: String, sqlite: [String], postgres: [String]) {
        self.version = version
        self.name = name
        self.sqlite = sqlite
        self.postgres = postgres
    }

    func statements(_ dialect: SQLDialect) -> [String] { dialect == .sqlite ? sqlite : postgres }
}

/// The store's schema, the same tables in SQLite and PostgreSQL, built by numbered migrations.
///
/// Articles are keyed by the SHA-256 of their text; what is found in one article (mentions, quotes,
/// claims, event reports) is keyed by the article and the item's place in it. Entities and events are the
/// records merged across articles; the transaction that adds a batch of articles adds their mentions to the
/// entities' counts, counts the events it makes from their reports, and recounts the stored events it reports again.
///
/// References between tables are declared but not checked row by row: checking them cost PostgreSQL more than
/// the rows themselves (a trigger and a lookup a reference, a million for the 5,000 reports of the bulk corpus),
/// and SQLite a quarter of its write time. A batch and every row that refers to it go in one transaction,
/// so none is left pointing at a row that is not there, even when an ingest is killed. SQLite keeps them
/// declared with checking off; PostgreSQL cannot declare a reference it does not check, so migration 3 drops them.
enum Schema {
    static let migrations: [Migration] = [
        Migration(
            1, "articles, entities, events and what each report says",
            [
                """
                CREATE TABLE articles (
                    hash TEXT PRIMARY KEY, source TEXT NOT NULL, origin TEXT NOT NULL, doc_id TEXT, title TEXT,
                    published TEXT, url TEXT, author TEXT, outlet TEXT, language TEXT,
                    text TEXT NOT NULL, body TEXT NOT NULL, ingested_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE entities (
                    key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, kb TEXT, actor TEXT,
                    latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
                    mention_count BIGINT NOT NULL DEFAULT 0, article_count BIGINT NOT NULL DEFAULT 0)
                """,
                "CREATE INDEX entities_name ON entities (lower(name))",
                """
                CREATE TABLE entity_aliases (
                    entity_key TEXT NOT NULL REFERENCES entities (key), alias TEXT NOT NULL,
                    mention_count BIGINT NOT NULL, PRIMARY KEY (entity_key, alias))
                """,
                "CREATE INDEX entity_aliases_alias ON entity_aliases (lower(alias))",
                """
                CREATE TABLE article_entities (
                    article_hash TEXT NOT NULL REFERENCES articles (hash), local_id TEXT NOT NULL,
                    entity_key TEXT NOT NULL REFERENCES entities (key), name TEXT NOT NULL, roles TEXT,
                    mention_count BIGINT NOT NULL, PRIMARY KEY (article_hash, local_id))
                """,
                "CREATE INDEX article_entities_entity ON article_entities (entity_key)",
                """
                CREATE TABLE mentions (
                    article_hash TEXT NOT NULL REFERENCES articles (hash), ordinal BIGINT NOT NULL,
                    entity_key TEXT REFERENCES entities (key), text TEXT NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL,
                    found_by TEXT NOT NULL, span_start BIGINT, span_end BIGINT, block TEXT,
                    PRIMARY KEY (article_hash, ordinal))
                """,
                "CREATE INDEX mentions_entity ON mentions (entity_key)",
                """
                CREATE TABLE quotes (
                    article_hash TEXT NOT NULL REFERENCES articles (hash), ordinal BIGINT NOT NULL,
                    speaker_key TEXT REFERENCES entities (key), text TEXT NOT NULL, direct BIGINT NOT NULL, said_on TEXT,
                    span_start BIGINT, span_end BIGINT, block TEXT, PRIMARY KEY (article_hash, ordinal))
                """,
                "CREATE INDEX quotes_speaker ON quotes (speaker_key)",
                """
                CREATE TABLE claims (
                    article_hash TEXT NOT NULL REFERENCES articles (hash), ordinal BIGINT NOT NULL, text TEXT NOT NULL,
                    span_start BIGINT, span_end BIGINT, block TEXT, PRIMARY KEY (article_hash, ordinal))
                """,
                """
                CREATE TABLE claim_parties (
                    article_hash TEXT NOT NULL, ordinal BIGINT NOT NULL, entity_key TEXT NOT NULL REFERENCES entities (key),
                    stance TEXT NOT NULL, PRIMARY KEY (article_hash, ordinal, entity_key, stance),
                    FOREIGN KEY (article_hash, ordinal) REFERENCES claims (article_hash, ordinal))
                """,
                """
                CREATE TABLE events (
                    id TEXT PRIMARY KEY, merge_key TEXT NOT NULL, cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT,
                    mode TEXT, quad_class BIGINT, goldstein DOUBLE PRECISION,
                    source_key TEXT REFERENCES entities (key), target_key TEXT REFERENCES entities (key),
                    place_key TEXT REFERENCES entities (key), date TEXT, first_article TEXT NOT NULL REFERENCES articles (hash),
                    num_mentions BIGINT NOT NULL DEFAULT 0, num_sources BIGINT NOT NULL DEFAULT 0,
                    num_articles BIGINT NOT NULL DEFAULT 0, added_at TEXT NOT NULL)
                """,
                "CREATE INDEX events_merge_key ON events (merge_key)",
                "CREATE INDEX events_source ON events (source_key)",
                "CREATE INDEX events_target ON events (target_key)",
                "CREATE INDEX events_date ON events (date)",
                """
                CREATE TABLE event_reports (
                    article_hash TEXT NOT NULL REFERENCES articles (hash), ordinal BIGINT NOT NULL,
                    event_id TEXT NOT NULL REFERENCES events (id), cameo TEXT NOT NULL, date TEXT, status TEXT NOT NULL,
                    attributed_to TEXT REFERENCES entities (key), origin TEXT NOT NULL, evidence TEXT NOT NULL,
                    trigger_word TEXT NOT NULL, pattern TEXT NOT NULL, span_start BIGINT, span_end BIGINT, block TEXT,
                    PRIMARY KEY (article_hash, ordinal))
                """,
                "CREATE INDEX event_reports_event ON event_reports (event_id)",
            ]),
        Migration(
            2, "full-text search over articles",
            sqlite: [
                "CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='articles')",
                """
                CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO article_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
                END
                """,
            ],
            postgres: [
                """
                ALTER TABLE articles ADD COLUMN search tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED
                """,
                "CREATE INDEX articles_search ON articles USING gin (search)",
            ]),
        Migration(
            3, "references kept by the writer's transactions, not checked row by row",
            sqlite: [],
            postgres: [
                """
                DO $$
                DECLARE reference record;
                BEGIN
                    FOR reference IN
                        SELECT conrelid::regclass AS owner, conname FROM pg_constraint
                        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
                    LOOP
                        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', reference.owner, reference.conname);
                    END LOOP;
                END $$
                """
            ]),
        Migration(
            4, "article texts compressed with LZ4, where the server has it",
            sqlite: [],
            postgres: [
                """
                DO $$
                BEGIN
                    IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
                        ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN body SET COMPRESSION lz4,
                            ALTER COLUMN search SET COMPRESSION lz4;
                    END IF;
                END $$
                """
            ]),
        Migration(
            5, "articles that failed, with their error",
            [
                """
                CREATE TABLE failed_articles (
                    hash TEXT PRIMARY KEY, source TEXT NOT NULL, doc_id TEXT, error TEXT NOT NULL, failed_at TEXT NOT NULL)
                """
            ]),
        Migration(
            6, "a queue of ingest jobs that workers claim",
            sqlite: [ingestJobs(id: "INTEGER PRIMARY KEY")],
            postgres: [ingestJobs(id: "BIGSERIAL PRIMARY KEY")]),
        Migration(7, "what was fetched from the web, for conditional requests", [FetchRecord.creation()]),
        Migration(8, "events by their CAMEO code, for GET /events?code=", ["CREATE INDEX events_cameo ON events (cameo)"]),
        Migration(
            9, "the tables that grow with every article, by the month of its publication",
            sqlite: MonthlyPartitions.sqliteMigration, postgres: MonthlyPartitions.postgresMigration),
    ]

    /// The job queue's table (``JobQueue``): one input a row; a lease in seconds since 1970 by the server's clock.
    static func ingestJobs(id: String) -> String {
        """
        CREATE TABLE ingest_jobs (
            id \(id), input TEXT NOT NULL UNIQUE, size BIGINT NOT NULL, state TEXT NOT NULL, worker TEXT,
            lease_until BIGINT, attempts INTEGER NOT NULL, error TEXT, articles INTEGER, enqueued_at TEXT NOT NULL,
            started_at TEXT, finished_at TEXT)
        """
    }

    /// Applies the migrations the store lacks, each in the transaction that records it; `last`, the newest to apply
    /// (for tests that make a store as an older Dossier did).
    static func migrate(_ database: any StoreDatabase, upTo last: Int = .max) throws {
        try database.write { session in
            try session.execute(
                "CREATE TABLE IF NOT EXISTS dossier_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            let applied = Set(try session.rows("SELECT version FROM dossier_migrations", []).compactMap { $0[0].int })
            let unknown = applied.subtracting(migrations.map(\.version)).sorted()
            guard unknown.isEmpty else { throw SchemaError.newer(unknown: unknown, known: migrations.map(\.version).max() ?? 0) }
            for migration in migrations where !applied.contains(migration.version) && migration.version <= last {
                for statement in migration.statements(session.dialect) { try session.execute(statement) }
                try session.execute(
                    "INSERT INTO dossier_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.name), .text(Store.timestamp())])
            }
        }
    }
}

/// Why a store's schema cannot be used.
enum SchemaError: Error, CustomStringConvertible {
    /// The store holds migrations this binary does not know: a newer Dossier wrote it.
    case newer(unknown: [Int], known: Int)

    var description: String {
        switch self {
        case .newer(let unknown, let known):
            "a newer Dossier wrote it (schema migrations \(unknown.map(String.init).joined(separator: ", ")); this one knows up to "
                + "\(known)): use that version, or another store"
        }
    }
}
