/// Writes a batch of articles inside one transaction: the articles, their mentions, quotes, claims and
/// event reports, the entity and event records they merge into, and those records' counts.
struct StoreWriter {
    let session: any SQLSession
    let matching: EventMatching
    /// When the batch is stored (``Store/timestamp()``).
    let now: String
    /// The month the batch is stored in, which partitions its articles' tables (``MonthlyPartitions``).
    private let month: String

    init(session: any SQLSession, matching: EventMatching, now: String) {
        self.session = session
        self.matching = matching
        self.now = now
        month = MonthlyPartitions.month(of: now)
    }

    func add(_ batch: [ArticleRecord]) throws -> Int {
        var seen = Set(
            try session.rows("SELECT hash FROM articles WHERE hash IN (%@)", in: batch.map { .text($0.hash) }).compactMap {
                $0[0].string
            })
        let records = batch.filter { seen.insert($0.hash).inserted }
        guard !records.isEmpty else { return 0 }
        try session.insert(records.map { StoredArticle(record: $0, storedAt: now) })
        try addEntities(records)
        try addArticleItems(records)
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

    /// Where the rows of an article's own tables belong.
    private func key(_ record: ArticleRecord) -> ArticleKey { ArticleKey(hash: record.hash, month: month) }

    /// Adds the entity records the batch names for the first time, their aliases and each article's entities,
    /// and adds the batch's mentions and articles to the records' counts (the batch's articles are all new).
    private func addEntities(_ records: [ArticleRecord]) throws {
        var entities: [String: StoredEntity] = [:]
        var order: [String] = []
        var aliases: [StoredAlias: Int] = [:]
        var aliasOrder: [StoredAlias] = []
        for record in records {
            for key in Set(record.entities.map(\.key)) { entities[key]?.articles += 1 }
            for entity in record.entities {
                if entities[entity.key] == nil {
                    entities[entity.key] = StoredEntity(entity: entity, mentions: 0, articles: 1)
                    order.append(entity.key)
                }
                entities[entity.key]!.mentions += entity.mentionCount
                for (alias, count) in entity.aliases.sorted(by: { $0.key < $1.key }) {
                    let key = StoredAlias(entityKey: entity.key, alias: alias)
                    if aliases[key] == nil { aliasOrder.append(key) }
                    aliases[key, default: 0] += count
                }
            }
        }
        try session.insert(
            order.map { entities[$0]! },
            conflict: """
                ON CONFLICT (key) DO UPDATE SET mention_count = entities.mention_count + excluded.mention_count,
                    article_count = entities.article_count + excluded.article_count
                """)
        try session.insert(
            aliasOrder.map { StoredAlias(entityKey: $0.entityKey, alias: $0.alias, mentions: aliases[$0]!) },
            conflict:
                "ON CONFLICT (entity_key, alias) DO UPDATE SET mention_count = entity_aliases.mention_count + excluded.mention_count")
        try session.insert(
            records.flatMap { record in record.entities.map { StoredArticleEntity(article: key(record), entity: $0) } })
    }

    /// Adds each article's mentions, quotes, claims and the parties to its claims.
    private func addArticleItems(_ records: [ArticleRecord]) throws {
        try session.insert(
            records.flatMap { record in
                record.mentions.enumerated().map { StoredItem(article: key(record), ordinal: $0, item: $1) }
            })
        try session.insert(
            records.flatMap { record in record.quotes.enumerated().map { StoredItem(article: key(record), ordinal: $0, item: $1) } })
        try session.insert(
            records.flatMap { record in record.claims.enumerated().map { StoredItem(article: key(record), ordinal: $0, item: $1) } })
        var parties: [StoredClaimParty] = []
        for record in records {
            for (index, claim) in record.claims.enumerated() {
                for (stance, keys) in [("asserts", claim.assertedBy), ("denies", claim.deniedBy)] {
                    for entityKey in Set(keys).sorted() {
                        parties.append(StoredClaimParty(article: key(record), ordinal: index, entityKey: entityKey, stance: stance))
                    }
                }
            }
        }
        try session.insert(parties)
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
        var newEvents: [StoredEvent] = []
        var tallies: [String: Tally] = [:]
        var reports: [StoredItem<ReportOfEvent>] = []
        var stored: [String] = []
        for record in records {
            for (index, event) in record.events.enumerated() {
                let mergeKey = event.mergeKey
                let id: String
                if let match = matching.best(date: event.date, place: event.placeKey, among: candidates[mergeKey] ?? []) {
                    id = match.id
                    if tallies[id] == nil { stored.append(id) }
                } else {
                    id = "\(record.hash.prefix(16))-\(index)"
                    candidates[mergeKey, default: []].append(EventMatching.Candidate(id: id, date: event.date, placeKey: event.placeKey))
                    tallies[id] = Tally()
                    newEvents.append(StoredEvent(id: id, report: event, firstArticle: record.hash, addedAt: now))
                }
                tallies[id, default: Tally()].add(article: record.hash, origin: record.origin)
                reports.append(
                    StoredItem(article: key(record), ordinal: index, item: ReportOfEvent(eventID: id, origin: record.origin, report: event))
                )
            }
        }
        try session.insert(
            newEvents.map { event in
                let tally = tallies[event.id]!
                var counted = event
                (counted.mentions, counted.articles, counted.sources) = (tally.mentions, tally.articles.count, tally.origins.count)
                return counted
            })
        try session.insert(reports)
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
}
