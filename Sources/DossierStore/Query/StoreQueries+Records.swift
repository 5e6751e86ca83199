/// Single records by their keys (an article, an entity) and the lists a browser of the store starts from.
extension StoreQueries {
    /// The latest articles, newest first; those with no date last.
    public func latestArticles(limit: Int = 20) throws -> [ArticleSummary] {
        let rows = try store.database.read { session in
            try session.rows(
                "SELECT hash, published, title, source FROM articles ORDER BY published IS NULL, published DESC, hash LIMIT ?",
                [.integer(Int64(limit))])
        }
        return rows.map(ArticleSummary.init(row:))
    }

    /// The article whose content hash is `hash`, with its clean body, if the store has it.
    public func article(hash: String) throws -> ArticleDetail? {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT hash, source, doc_id, title, published, url, author, outlet, language, body, ingested_at
                FROM articles WHERE hash = ?
                """, [.text(hash)])
        }
        return rows.first.map(ArticleDetail.init(row:))
    }

    /// The entity record whose key is `key`, if the store has it.
    public func entity(key: String) throws -> EntityDetail? {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT key, name, type, country, kb, actor, mention_count, article_count, latitude, longitude
                FROM entities WHERE key = ?
                """, [.text(key)])
        }
        return rows.first.map(EntityDetail.init(row:))
    }

    /// Every name an entity is called by, commonest first.
    public func aliases(ofEntity key: String) throws -> [AliasCount] {
        let rows = try store.database.read { session in
            try session.rows(
                "SELECT alias, mention_count FROM entity_aliases WHERE entity_key = ? ORDER BY mention_count DESC, alias", [.text(key)])
        }
        return rows.map(AliasCount.init(row:))
    }

    /// Claims, by date, with the entities that assert and deny each (names joined by "; ").
    public func claims(limit: Int = 100) throws -> [ClaimSummary] {
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
            return claims.map { claim in
                let names = ["asserts", "denies"].map { stance in
                    parties[Self.claimParty(claim[4], claim[5], stance)]?.joined(separator: "; ")
                }
                return ClaimSummary(
                    date: claim[0].string, claim: claim[1].string ?? "", assertedBy: names[0], deniedBy: names[1],
                    title: claim[2].string, source: claim[3].string ?? "", article: claim[4].string ?? "")
            }
        }
    }

    /// One side of one claim: the article, the claim's place in it, and the stance.
    private static func claimParty(_ article: SQLValue, _ ordinal: SQLValue, _ stance: String) -> String {
        "\(article.string ?? "")|\(ordinal.int ?? -1)|\(stance)"
    }
}
