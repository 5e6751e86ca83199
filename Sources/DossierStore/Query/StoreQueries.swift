import DossierCore

/// Which events to list.
public struct EventFilter: Sendable {
    /// An actor's name or alias (any case) or entity key; events where it is the source or the target.
    public var actor: String?
    /// Earliest and latest date, ISO 8601 (`2023-07-01`, `2023-07`).
    public var since: String?
    public var until: String?
    /// A CAMEO code or its prefix: `04` is every consultation.
    public var code: String?
    /// A PLOVER event type, in any case: `CONSULT`.
    public var plover: String?
    /// Events of which at least one report has this status: reported, denied, alleged.
    public var status: Event.Status?
    /// Latest first instead of earliest first; events with no date come last either way.
    public var newestFirst: Bool
    public var limit: Int
    /// The events to skip before the first listed: a page's start.
    public var offset: Int

    public init(
        actor: String? = nil, since: String? = nil, until: String? = nil, code: String? = nil, plover: String? = nil,
        status: Event.Status? = nil, newestFirst: Bool = false, limit: Int = 100, offset: Int = 0
    ) {
        self.actor = actor
        self.since = since
        self.until = until
        self.code = code
        self.plover = plover
        self.status = status
        self.newestFirst = newestFirst
        self.limit = limit
        self.offset = offset
    }
}

/// The questions an analyst asks the store: events, entities, quotes, articles by their words, an actor's
/// timeline and the network of actors.
public struct StoreQueries: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Keys of the entity records called `name`: by key, name or alias, in any case.
    public func entityKeys(named name: String) throws -> [String] {
        try store.database.read { session in
            try session.rows(
                """
                SELECT key FROM entities WHERE key = ? OR lower(name) = lower(?)
                UNION SELECT entity_key FROM entity_aliases WHERE lower(alias) = lower(?)
                """, [.text(name), .text(name), .text(name)]
            ).compactMap { $0[0].string }.sorted()
        }
    }

    /// Events merged across reports, by date (a page of them: `limit` after `offset`), with the first report's evidence,
    /// the actors' keys and the first article that reports each.
    public func events(_ filter: EventFilter) throws -> [EventSummary] {
        guard let filtered = try eventConditions(filter) else { return [] }
        let values = filtered.values + [.integer(Int64(filter.limit)), .integer(Int64(filter.offset))]
        let order = filter.newestFirst ? "e.date IS NULL, e.date DESC, e.id" : "e.date IS NULL, e.date, e.id"
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT e.id, e.date, e.cameo, e.plover, s.name, t.name, p.name, e.goldstein, e.num_mentions, e.num_sources,
                    e.num_articles,
                    (SELECT r.evidence FROM event_reports r WHERE r.event_id = e.id ORDER BY r.article_hash, r.ordinal LIMIT 1),
                    e.source_key, e.target_key, e.first_article
                FROM events e
                LEFT JOIN entities s ON s.key = e.source_key
                LEFT JOIN entities t ON t.key = e.target_key
                LEFT JOIN entities p ON p.key = e.place_key
                \(Self.whereClause(filtered.conditions))
                ORDER BY \(order) LIMIT ? OFFSET ?
                """, values)
        }
        return rows.map(EventSummary.init(row:))
    }

    /// How many of the events a filter matches fall on each date, earliest first (`date`, `events`), and last how many
    /// have no date (`date` null) if any do; the filter's order, limit and offset are left aside.
    public func eventDates(_ filter: EventFilter) throws -> [DateCount] {
        guard let filtered = try eventConditions(filter) else { return [] }
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT e.date, count(*) FROM events e
                \(Self.whereClause(filtered.conditions)) GROUP BY e.date ORDER BY e.date IS NULL, e.date
                """, filtered.values)
        }
        return rows.map(DateCount.init(row:))
    }

    /// The conditions on events `e` that a filter sets, with their values in order; nil when its actor names no entity,
    /// so that no event matches.
    func eventConditions(_ filter: EventFilter) throws -> (conditions: [String], values: [SQLValue])? {
        var (conditions, values) = Self.dateConditions(since: filter.since, until: filter.until)
        if let actor = filter.actor {
            guard let involved = try actorCondition(actor) else { return nil }
            conditions.append(involved.condition)
            values += involved.values
        }
        if let code = filter.code {
            // A prefix of digits as a range ("112" to "113"), which the index on codes serves; LIKE would read them all.
            if let next = Self.nextCode(after: code) {
                conditions.append("e.cameo >= ? AND e.cameo < ?")
                values += [.text(code), .text(next)]
            } else {
                conditions.append("e.cameo LIKE ?")
                values.append(.text(code + "%"))
            }
        }
        if let plover = filter.plover {
            conditions.append("upper(e.plover) = upper(?)")
            values.append(.text(plover))
        }
        if let status = filter.status {
            conditions.append("EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = e.id AND r.status = ?)")
            values.append(.text(status.rawValue))
        }
        return (conditions, values)
    }

    /// The first code of a CAMEO code's length after every code that starts with it ("112" -> "113", "09" -> "10"), or
    /// nil where there is none ("99") or the code is not all digits.
    static func nextCode(after code: String) -> String? {
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(code) else { return nil }
        let next = String(value + 1)
        guard next.count <= code.count else { return nil }
        return String(repeating: "0", count: code.count - next.count) + next
    }

    /// The condition on events `e` whose source or target is an entity called `name`, with its values; nil when no entity
    /// is called so.
    func actorCondition(_ name: String) throws -> (condition: String, values: [SQLValue])? {
        let keys = try entityKeys(named: name).map { SQLValue.text($0) }
        guard !keys.isEmpty else { return nil }
        let list = Self.placeholders(keys.count)
        return ("(e.source_key IN (\(list)) OR e.target_key IN (\(list)))", keys + keys)
    }

    /// The conditions on events `e` dated from `since` to `until` (ISO 8601, either absent), with their values.
    static func dateConditions(since: String?, until: String?) -> (conditions: [String], values: [SQLValue]) {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let since {
            conditions.append("e.date >= ?")
            values.append(.text(since))
        }
        if let until {
            // "~" sorts after every digit and "-", so that 2023-07 includes 2023-07-31.
            conditions.append("e.date <= ?")
            values.append(.text(until + "~"))
        }
        return (conditions, values)
    }

    /// `WHERE` and the conditions joined by `AND`, or nothing when there are none.
    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    /// `count` placeholders for a list of values: `?, ?, ?`.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// Entity records, most mentioned first, with their commonest aliases.
    public func entities(name: String? = nil, type: String? = nil, limit: Int = 100) throws -> [EntitySummary] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let name {
            let keys = try entityKeys(named: name).map { SQLValue.text($0) }
            guard !keys.isEmpty else { return [] }
            conditions.append("key IN (\(Self.placeholders(keys.count)))")
            values += keys
        }
        if let type {
            conditions.append("type = ?")
            values.append(.text(type.uppercased()))
        }
        values.append(.integer(Int64(limit)))
        return try store.database.read { session in
            let rows = try session.rows(
                """
                SELECT key, name, type, country, kb, actor, mention_count, article_count FROM entities
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY mention_count DESC, key LIMIT ?
                """, values)
            var aliases: [String: [String]] = [:]
            for row in try session.rows(
                "SELECT entity_key, alias FROM entity_aliases WHERE entity_key IN (%@) ORDER BY mention_count DESC, alias",
                in: rows.map { $0[0] })
            {
                if let key = row[0].string, let alias = row[1].string { aliases[key, default: []].append(alias) }
            }
            return rows.map { row in
                EntitySummary(row: row, aliases: aliases[row[0].string ?? ""].map { $0.prefix(5).joined(separator: "; ") })
            }
        }
    }

    /// Quotes, by date, of one speaker or of all, with the article that reports each.
    public func quotes(speaker: String? = nil, limit: Int = 100) throws -> [QuoteSummary] {
        var condition = ""
        var values: [SQLValue] = []
        if let speaker {
            let keys = try entityKeys(named: speaker).map { SQLValue.text($0) }
            guard !keys.isEmpty else { return [] }
            condition = "WHERE q.speaker_key IN (\(Self.placeholders(keys.count)))"
            values = keys
        }
        values.append(.integer(Int64(limit)))
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT coalesce(q.said_on, a.published), s.name, q.text, q.direct, a.title, a.source, a.hash
                FROM quotes q JOIN articles a ON a.hash = q.article_hash LEFT JOIN entities s ON s.key = q.speaker_key
                \(condition) ORDER BY 1, a.source, q.ordinal LIMIT ?
                """, values)
        }
        return rows.map(QuoteSummary.init(row:))
    }

    /// Articles whose title or body hold the words, best first: FTS5 in SQLite, a tsvector in PostgreSQL.
    public func articles(matching words: String, limit: Int = 20) throws -> [ArticleSummary] {
        let rows: [[SQLValue]] = try store.database.read { session in
            switch session.dialect {
            case .sqlite:
                // Each word quoted, so that punctuation in the query is not FTS5 syntax.
                let terms = words.split { !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"" }.joined(separator: " ")
                guard !terms.isEmpty else { return [] }
                return try session.rows(
                    """
                    SELECT a.hash, a.published, a.title, a.source FROM article_search
                    JOIN articles a ON a.rowid = article_search.rowid
                    WHERE article_search MATCH ? ORDER BY article_search.rank LIMIT ?
                    """, [.text(terms), .integer(Int64(limit))])
            case .postgres:
                return try session.rows(
                    """
                    SELECT hash, published, title, source FROM articles
                    WHERE search @@ websearch_to_tsquery('english', ?)
                    ORDER BY ts_rank(search, websearch_to_tsquery('english', ?)) DESC, hash LIMIT ?
                    """, [.text(words), .text(words), .integer(Int64(limit))])
            }
        }
        return rows.map(ArticleSummary.init(row:))
    }

    /// Pairs of actors (names and keys), weighted by the events between them (those of one actor, dated from `since` to
    /// `until`, when given) and the sum of those events' Goldstein scores.
    public func network(actor: String? = nil, since: String? = nil, until: String? = nil, limit: Int = 50) throws -> [ActorPair] {
        var (conditions, values) = Self.dateConditions(since: since, until: until)
        if let actor {
            guard let involved = try actorCondition(actor) else { return [] }
            conditions.append(involved.condition)
            values += involved.values
        }
        values.append(.integer(Int64(limit)))
        let pairs = try store.database.read { session in
            try session.rows(
                """
                SELECT s.name, t.name, count(*), sum(e.num_mentions), s.key, t.key, sum(e.goldstein)
                FROM events e JOIN entities s ON s.key = e.source_key JOIN entities t ON t.key = e.target_key
                \(Self.whereClause(conditions))
                GROUP BY s.key, s.name, t.key, t.name ORDER BY count(*) DESC, sum(e.num_mentions) DESC, s.name, t.name LIMIT ?
                """, values)
        }
        // Goldstein scores have one decimal, and so do their sums (``ActorPair/goldstein``).
        return pairs.map(ActorPair.init(row:))
    }

    /// The articles that failed, latest first, with their errors.
    public func failures(limit: Int = 100) throws -> [FailureSummary] {
        let rows = try store.database.read { session in
            try session.rows(
                "SELECT failed_at, source, doc_id, error, hash FROM failed_articles ORDER BY failed_at DESC, source LIMIT ?",
                [.integer(Int64(limit))])
        }
        return rows.map(FailureSummary.init(row:))
    }
}
