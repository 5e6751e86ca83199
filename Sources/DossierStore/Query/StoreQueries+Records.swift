/// Single records by their keys (an article, an entity) and the lists a browser of the store starts from.
extension StoreQueries {
    /// The latest articles, newest first; those with no date last.
    public func latestArticles(limit: Int = 20) throws -> ResultTable {
        let rows = try store.database.read { session in
            try session.rows(
                "SELECT hash, published, title, source FROM articles ORDER BY published IS NULL, published DESC, hash LIMIT ?",
                [.integer(Int64(limit))])
        }
        return ResultTable(columns: Self.articleListColumns, rows: rows)
    }

    static let articleListColumns = ["hash", "published", "title", "source"]

    /// The article whose content hash is `hash`, with its clean body: one row, or none.
    public func article(hash: String) throws -> ResultTable {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT hash, source, doc_id, title, published, url, author, outlet, language, body, ingested_at
                FROM articles WHERE hash = ?
                """, [.text(hash)])
        }
        return ResultTable(
            columns: ["hash", "source", "doc_id", "title", "published", "url", "author", "outlet", "language", "body", "ingested_at"],
            rows: rows)
    }

    /// The entity record whose key is `key`: one row, or none.
    public func entity(key: String) throws -> ResultTable {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT key, name, type, country, kb, actor, latitude, longitude, mention_count, article_count
                FROM entities WHERE key = ?
                """, [.text(key)])
        }
        return ResultTable(
            columns: ["key", "name", "type", "country", "kb", "actor", "latitude", "longitude", "mentions", "articles"], rows: rows)
    }

    /// Every name an entity is called by, commonest first.
    public func aliases(ofEntity key: String) throws -> ResultTable {
        let rows = try store.database.read { session in
            try session.rows(
                "SELECT alias, mention_count FROM entity_aliases WHERE entity_key = ? ORDER BY mention_count DESC, alias", [.text(key)])
        }
        return ResultTable(columns: ["alias", "mentions"], rows: rows)
    }

    /// Claims, by date, with the entities that assert and deny each (names joined by "; ").
    public func claims(limit: Int = 100) throws -> ResultTable {
        try store.database.read { session in
            let claims = try session.rows(
                """
                SELECT a.published, c.text, a.title, a.source, c.article_hash, c.ordinal
                FROM claims c JOIN articles a ON a.hash = c.article_hash
                ORDER BY a.published, a.source, c.ordinal LIMIT ?
                """, [.integer(Int64(limit))])
            var parties: [String: [String]] = [:]
            for row in try session.rows(
                """
                SELECT p.article_hash, p.ordinal, p.stance, e.name FROM claim_parties p JOIN entities e ON e.key = p.entity_key
                WHERE p.article_hash IN (%@) ORDER BY e.name
                """, in: Array(Set(claims.map { $0[4] })))
            {
                parties[Self.claimParty(row[0], row[1], row[2].string ?? ""), default: []].append(row[3].string ?? "")
            }
            let rows = claims.map { claim in
                let names = ["asserts", "denies"].map { stance in
                    SQLValue(parties[Self.claimParty(claim[4], claim[5], stance)]?.joined(separator: "; "))
                }
                return [claim[0], claim[1]] + names + [claim[2], claim[3], claim[4]]
            }
            return ResultTable(columns: ["date", "claim", "asserted_by", "denied_by", "title", "source", "article"], rows: rows)
        }
    }

    /// One side of one claim: the article, the claim's place in it, and the stance.
    private static func claimParty(_ article: SQLValue, _ ordinal: SQLValue, _ stance: String) -> String {
        "\(article.string ?? "")|\(ordinal.int ?? -1)|\(stance)"
    }
}
