/// The tables that grow with every article, partitioned in PostgreSQL by the month the article was stored.
///
/// Each of these tables has a `month` column: the first day of the month its article was stored in ("2026-12-01",
/// by the writer's clock, in UTC). In PostgreSQL they are partitioned by range on it (migration 9): a table a month
/// (`mentions_2026_12`), made when a batch is the first of its month. Writes go to the newest month only, so the
/// partitions of past months stop changing and vacuum freezes them once; a month is dropped, or moved to cheaper
/// disks, as a table; a query of what came in lately reads only the latest months. The month of storing, not of
/// publication: every article has one, a backfill of years of news makes one partition a month of work, not one a
/// month of the dates its reports carry (from every decade where a date is misread), and no partition takes writes
/// once its month is past. SQLite keeps the same column in one table each.
///
/// Lookups by article hash or by entity read every partition's index: one probe a month stored.
enum MonthlyPartitions {
    /// The partitioned tables, and the key of each within a month.
    static let tables: [(name: String, key: String)] = [
        ("articles", "hash"), ("article_entities", "article_hash, local_id"), ("mentions", "article_hash, ordinal"),
        ("quotes", "article_hash, ordinal"), ("claims", "article_hash, ordinal"),
        ("claim_parties", "article_hash, ordinal, entity_key, stance"), ("event_reports", "article_hash, ordinal"),
    ]

    /// The indexes of the partitioned tables besides their keys, by name: made again on the partitioned tables.
    static let indexes = [
        "articles_search ON articles USING gin (search)", "article_entities_entity ON article_entities (entity_key)",
        "mentions_entity ON mentions (entity_key)", "quotes_speaker ON quotes (speaker_key)",
        "event_reports_event ON event_reports (event_id)",
    ]

    /// The month of a timestamp ("2026-12-06T02:40:11Z", as ``Store/timestamp()`` writes them), as its first day
    /// ("2026-12-01").
    static func month(of timestamp: String) -> String { String(timestamp.prefix(7)) + "-01" }

    /// ``month(of:)`` in SQL, of the time an article was stored.
    static let monthExpression = "substr(ingested_at, 1, 7) || '-01'"

    /// Migration 9 in SQLite: the column, filled for the articles stored.
    static let sqliteMigration: [String] =
        tables.map { "ALTER TABLE \($0.name) ADD COLUMN month TEXT" } + ["UPDATE articles SET month = \(monthExpression)"]
        + tables.dropFirst().map {
            "UPDATE \($0.name) SET month = (SELECT a.month FROM articles a WHERE a.hash = \($0.name).article_hash)"
        }

    /// Migration 9 in PostgreSQL: each table made again, partitioned, with the rows it held.
    static let postgresMigration: [String] =
        [
            """
            CREATE FUNCTION dossier_month_partitions(months date[]) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                parent text;
                first date;
                partition text;
            BEGIN
                FOREACH first IN ARRAY coalesce(months, '{}') LOOP
                    CONTINUE WHEN first IS NULL;
                    FOREACH parent IN ARRAY ARRAY[\(tables.map { "'\($0.name)'" }.joined(separator: ", "))] LOOP
                        partition := parent || '_' || to_char(first, 'YYYY_MM');
                        CONTINUE WHEN to_regclass(quote_ident(partition)) IS NOT NULL;
                        -- Made apart, then attached: attaching locks the parent against other changes of its shape only,
                        -- not against reads and writes.
                        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE '
                            'INCLUDING COMPRESSION)', partition, parent);
                        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, partition,
                            first, (first + interval '1 month')::date);
                    END LOOP;
                END LOOP;
            END $$
            """,
            """
            DO $$
            DECLARE
                t record;
                columns text;
            BEGIN
                FOR t IN SELECT * FROM (VALUES \(tables.map { "('\($0.name)', '\($0.key)')" }.joined(separator: ", "))) AS v (name, key)
                LOOP
                    EXECUTE format('ALTER TABLE %I RENAME TO %I', t.name, t.name || '_unpartitioned');
                    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE '
                        'INCLUDING COMPRESSION, month date) PARTITION BY RANGE (month)', t.name, t.name || '_unpartitioned');
                    EXECUTE format('ALTER TABLE %I ALTER COLUMN month SET NOT NULL, ADD CONSTRAINT %I PRIMARY KEY (%s, month)',
                        t.name, t.name || '_key', t.key);
                END LOOP;
                PERFORM dossier_month_partitions(array_agg(DISTINCT (\(monthExpression))::date)) FROM articles_unpartitioned;
                FOR t IN SELECT * FROM (VALUES \(tables.map { "('\($0.name)', '\($0.key)')" }.joined(separator: ", "))) AS v (name, key)
                LOOP
                    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns FROM pg_attribute
                        WHERE attrelid = (t.name || '_unpartitioned')::regclass AND attnum > 0 AND NOT attisdropped
                            AND attgenerated = '';
                    EXECUTE format('INSERT INTO %I (%s, month) SELECT %s, %s FROM %I o', t.name, columns, columns,
                        CASE WHEN t.name = 'articles' THEN $e$(\(monthExpression))::date$e$
                            ELSE '(SELECT a.month FROM articles a WHERE a.hash = o.article_hash)' END,
                        t.name || '_unpartitioned');
                    EXECUTE format('DROP TABLE %I', t.name || '_unpartitioned');
                END LOOP;
            END $$
            """,
        ] + indexes.map { "CREATE INDEX \($0)" }
}
