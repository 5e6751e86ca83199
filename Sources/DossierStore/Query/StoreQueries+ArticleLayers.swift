/// What the store keeps of one article's text: its event reports, mentions and quotes, each with the span that states
/// it (`start` and `end` in code points of the body, end exclusive; null for a span outside the body, such as the title).
extension StoreQueries {
    /// The events one article reports, in the order it reports them, with the sentence that states each, its span,
    /// the trigger word and the pattern that fired.
    public func events(inArticle hash: String) throws -> [ReportedEvent] {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT r.event_id, r.cameo, e.plover, r.date, r.status, s.name, t.name, r.evidence, e.source_key, e.target_key,
                    r.trigger_word, r.pattern, r.span_start, r.span_end
                FROM event_reports r JOIN events e ON e.id = r.event_id
                LEFT JOIN entities s ON s.key = e.source_key
                LEFT JOIN entities t ON t.key = e.target_key
                WHERE r.article_hash = ? ORDER BY r.ordinal
                """, [.text(hash)])
        }
        return rows.map(ReportedEvent.init(row:))
    }

    /// The article's mentions of entities, in the order of the text, with the entity each names.
    public func mentions(inArticle hash: String) throws -> [ArticleMention] {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT m.text, m.type, m.kind, m.entity_key, e.name, m.span_start, m.span_end
                FROM mentions m LEFT JOIN entities e ON e.key = m.entity_key
                WHERE m.article_hash = ? ORDER BY m.ordinal
                """, [.text(hash)])
        }
        return rows.map(ArticleMention.init(row:))
    }

    /// The article's quotes and reported speech, in the order of the text, with their speakers.
    public func quotes(inArticle hash: String) throws -> [ArticleQuote] {
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT q.text, q.direct, q.speaker_key, s.name, q.span_start, q.span_end
                FROM quotes q LEFT JOIN entities s ON s.key = q.speaker_key
                WHERE q.article_hash = ? ORDER BY q.ordinal
                """, [.text(hash)])
        }
        return rows.map(ArticleQuote.init(row:))
    }
}
