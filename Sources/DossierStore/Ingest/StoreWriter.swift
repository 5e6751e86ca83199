/// Writes a batch of articles inside one transaction: the articles, their mentions, quotes, claims and
/// event reports, the entity and event records they merge into, and those records' counts.
struct StoreWriter {
    let session: any SQLSession
    let matching: EventMatching
    /// When the batch is stored (``Store/timestamp()``).
    let now: String
    /// The month the batch is stored in, which partitions the tables of its articles (``MonthlyPartitions``).
    private var month: SQLValue { .text(MonthlyPartitions.month(of: now)) }

    func add(_ batch: [ArticleRecord]) throws -> Int {
        var seen = Set(
            try session.rows("SELECT hash FROM articles WHERE hash IN (%@)", in: batch.map { .text($0.hash) }).compactMap {
                $0[0].string
            })
        let records = batch.filter { seen.insert($0.hash).inserted }
        guard !records.isEmpty else { return 0 }
        try session.insert(
            into: "articles",
            columns: [
                "hash", "source", "origin", "doc_id", "title", "published", "url", "author", "outlet", "language", "text", "body",
                "ingested_at", "month",
            ],
            rows: records.map { r in
                [
                    .text(r.hash), .text(r.source), .text(r.origin), SQLValue(r.given.id), SQLValue(r.title), SQLValue(r.published),
                    SQLValue(r.given.url), SQLValue(r.given.author), SQLValue(r.given.outlet), SQLValue(r.given.language),
                    .text(r.text), .text(r.body), .text(now), month,
                ]
            }, conflict: "")
        try addEntities(records)
        try addMentions(records)
        try addQuotesAndClaims(records)
        let storedEvents = try addEvents(records)
        try session.execute(
            """
            UPDATE events SET num_mentions = r.mentions, num_articles = r.articles, num_sources = r.sources
            FROM (
                SELECT event_id, count(*) AS mentions, count(DISTINCT article_hash) AS articles,
                    count(DISTINCT origin) AS sources
                FROM event_reports WHERE event_id IN (%@) GROUP BY event_id) AS r
            WHERE events.id = r.event_id
            """, in: storedEvents.map { .text($0) })
        return records.count
    }

    /// Adds the entity records the batch names for the first time, their aliases and each article's entities,
    /// and adds the batch's mentions and articles to the records' counts (the batch's articles are all new).
    private func addEntities(_ records: [ArticleRecord]) throws {
        var firstRow: [String: ArticleRecord.EntityRow] = [:]
        var order: [String] = []
        var mentions: [String: Int] = [:]
        var articles: [String: Int] = [:]
        var aliases: [AliasKey: Int] = [:]
        var aliasOrder: [AliasKey] = []
        for record in records {
            for key in Set(record.entities.map(\.key)) { articles[key, default: 0] += 1 }
            for entity in record.entities {
                if firstRow[entity.key] == nil {
                    firstRow[entity.key] = entity
                    order.append(entity.key)
                }
                mentions[entity.key, default: 0] += entity.mentionCount
                for (alias, count) in entity.aliases.sorted(by: { $0.key < $1.key }) {
                    let key = AliasKey(entity: entity.key, alias: alias)
                    if aliases[key] == nil { aliasOrder.append(key) }
                    aliases[key, default: 0] += count
                }
            }
        }
        try session.insert(
            into: "entities",
            columns: ["key", "name", "type", "country", "kb", "actor", "latitude", "longitude", "mention_count", "article_count"],
            rows: order.map { key in
                let e = firstRow[key]!
                return [
                    .text(key), .text(e.name), .text(e.type), SQLValue(e.country), SQLValue(e.kb), SQLValue(e.actor),
                    SQLValue(e.latitude), SQLValue(e.longitude), SQLValue(mentions[key]), SQLValue(articles[key]),
                ]
            },
            conflict: """
                ON CONFLICT (key) DO UPDATE SET mention_count = entities.mention_count + excluded.mention_count,
                    article_count = entities.article_count + excluded.article_count
                """)
        try session.insert(
            into: "entity_aliases", columns: ["entity_key", "alias", "mention_count"],
            rows: aliasOrder.map { [.text($0.entity), .text($0.alias), .integer(Int64(aliases[$0]!))] },
            conflict:
                "ON CONFLICT (entity_key, alias) DO UPDATE SET mention_count = entity_aliases.mention_count + excluded.mention_count")
        try session.insert(
            into: "article_entities", columns: ["article_hash", "local_id", "entity_key", "name", "roles", "mention_count", "month"],
            rows: records.flatMap { record in
                record.entities.map { e in
                    [
                        .text(record.hash), .text(e.localID), .text(e.key), .text(e.name),
                        SQLValue(e.roles.isEmpty ? nil : e.roles.joined(separator: "; ")), .integer(Int64(e.mentionCount)),
                        month,
                    ]
                }
            }, conflict: "")
    }

    private struct AliasKey: Hashable {
        var entity: String
        var alias: String
    }

    private func addMentions(_ records: [ArticleRecord]) throws {
        try session.insert(
            into: "mentions",
            columns: ["article_hash", "ordinal", "entity_key", "text", "kind", "type", "found_by"] + Self.positionColumns + ["month"],
            rows: records.flatMap { record in
                record.mentions.enumerated().map { index, m in
                    [
                        .text(record.hash), .integer(Int64(index)), SQLValue(m.entityKey), .text(m.text), .text(m.kind), .text(m.type),
                        .text(m.foundBy),
                    ] + Self.values(m.position) + [month]
                }
            }, conflict: "")
    }

    private func addQuotesAndClaims(_ records: [ArticleRecord]) throws {
        try session.insert(
            into: "quotes",
            columns: ["article_hash", "ordinal", "speaker_key", "text", "direct", "said_on"] + Self.positionColumns + ["month"],
            rows: records.flatMap { record in
                record.quotes.enumerated().map { index, q in
                    [
                        .text(record.hash), .integer(Int64(index)), SQLValue(q.speakerKey), .text(q.text), .integer(q.direct ? 1 : 0),
                        SQLValue(q.date),
                    ] + Self.values(q.position) + [month]
                }
            }, conflict: "")
        try session.insert(
            into: "claims", columns: ["article_hash", "ordinal", "text"] + Self.positionColumns + ["month"],
            rows: records.flatMap { record in
                record.claims.enumerated().map { index, c in
                    [.text(record.hash), .integer(Int64(index)), .text(c.text)] + Self.values(c.position) + [month]
                }
            }, conflict: "")
        var parties: [[SQLValue]] = []
        for record in records {
            for (index, claim) in record.claims.enumerated() {
                for (stance, keys) in [("asserts", claim.assertedBy), ("denies", claim.deniedBy)] {
                    for key in Set(keys).sorted() {
                        parties.append([.text(record.hash), .integer(Int64(index)), .text(key), .text(stance), month])
                    }
                }
            }
        }
        try session.insert(
            into: "claim_parties", columns: ["article_hash", "ordinal", "entity_key", "stance", "month"], rows: parties, conflict: "")
    }

    /// Adds each event report to the event it reports, made new when no stored or earlier event of the batch
    /// matches, the new events counted from the batch's reports; returns the ids of the stored events the batch
    /// reports again, whose counts are left to recount.
    private func addEvents(_ records: [ArticleRecord]) throws -> [String] {
        let mergeKeys = Set(records.flatMap { $0.events.map(\.mergeKey) }).sorted()
        var candidates: [String: [EventMatching.Candidate]] = [:]
        for row in try session.rows(
            "SELECT id, merge_key, date, place_key FROM events WHERE merge_key IN (%@)", in: mergeKeys.map { .text($0) })
        {
            guard let id = row[0].string, let key = row[1].string else { continue }
            candidates[key, default: []].append(EventMatching.Candidate(id: id, date: row[2].string, placeKey: row[3].string))
        }
        var newEvents: [(id: String, row: [SQLValue])] = []
        var tallies: [String: Tally] = [:]
        var reports: [[SQLValue]] = []
        var stored: [String] = []
        for record in records {
            for (index, event) in record.events.enumerated() {
                let key = event.mergeKey
                let id: String
                if let match = matching.best(date: event.date, place: event.placeKey, among: candidates[key] ?? []) {
                    id = match.id
                    if tallies[id] == nil { stored.append(id) }
                } else {
                    id = "\(record.hash.prefix(16))-\(index)"
                    candidates[key, default: []].append(EventMatching.Candidate(id: id, date: event.date, placeKey: event.placeKey))
                    tallies[id] = Tally()
                    newEvents.append(
                        (
                            id,
                            [
                                .text(id), .text(key), .text(event.code), .text(event.root), SQLValue(event.plover), SQLValue(event.mode),
                                SQLValue(event.quadClass), SQLValue(event.goldstein), SQLValue(event.sourceKey), SQLValue(event.targetKey),
                                SQLValue(event.placeKey), SQLValue(event.date), .text(record.hash), .text(now),
                            ]
                        ))
                }
                tallies[id, default: Tally()].add(article: record.hash, origin: record.origin)
                reports.append(
                    [
                        .text(record.hash), .integer(Int64(index)), .text(id), .text(event.code), SQLValue(event.date), .text(event.status),
                        SQLValue(event.attributedTo), .text(record.origin), .text(event.evidence), .text(event.trigger),
                        .text(event.pattern),
                    ] + Self.values(event.position) + [month])
            }
        }
        try session.insert(
            into: "events",
            columns: [
                "id", "merge_key", "cameo", "root", "plover", "mode", "quad_class", "goldstein", "source_key", "target_key",
                "place_key", "date", "first_article", "added_at", "num_mentions", "num_articles", "num_sources",
            ],
            rows: newEvents.map { event in
                let tally = tallies[event.id]!
                return event.row + [SQLValue(tally.mentions), SQLValue(tally.articles.count), SQLValue(tally.origins.count)]
            }, conflict: "")
        try session.insert(
            into: "event_reports",
            columns: [
                "article_hash", "ordinal", "event_id", "cameo", "date", "status", "attributed_to", "origin", "evidence",
                "trigger_word", "pattern",
            ] + Self.positionColumns + ["month"], rows: reports, conflict: "")
        return stored
    }

    /// The reports of an event in the batch: how many, and from how many articles and origins.
    private struct Tally {
        var mentions = 0
        var articles: Set<String> = []
        var origins: Set<String> = []

        mutating func add(article: String, origin: String) {
            mentions += 1
            articles.insert(article)
            origins.insert(origin)
        }
    }

    private static let positionColumns = ["span_start", "span_end", "block"]

    private static func values(_ position: EvidencePosition) -> [SQLValue] {
        [SQLValue(position.start), SQLValue(position.end), SQLValue(position.block)]
    }
}
