/// An event as one article reports it (``StoreQueries/events(inArticle:)``): the sentence that states it, its span in
/// the body (code points, end exclusive; nil outside the body), the trigger word and the pattern that fired.
public struct ReportedEvent: QueryResult, Hashable {
    public var event: String
    public var cameo: String
    public var plover: String?
    public var date: String?
    public var status: String
    public var source: String?
    public var target: String?
    public var evidence: String
    public var sourceKey: String?
    public var targetKey: String?
    public var trigger: String
    public var pattern: String
    public var start: Int?
    public var end: Int?

    public static let columns = [
        "event", "cameo", "plover", "date", "status", "source", "target", "evidence", "source_key", "target_key", "trigger",
        "pattern", "start", "end",
    ]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (event, cameo, plover, date, status) = (r.text() ?? "", r.text() ?? "", r.text(), r.text(), r.text() ?? "")
        (source, target, evidence, sourceKey, targetKey) = (r.text(), r.text(), r.text() ?? "", r.text(), r.text())
        (trigger, pattern, start, end) = (r.text() ?? "", r.text() ?? "", r.int(), r.int())
    }

    public var values: [SQLValue] {
        [
            .text(event), .text(cameo), SQLValue(plover), SQLValue(date), .text(status), SQLValue(source), SQLValue(target),
            .text(evidence), SQLValue(sourceKey), SQLValue(targetKey), .text(trigger), .text(pattern), SQLValue(start),
            SQLValue(end),
        ]
    }
}

/// A mention in one article, with the entity it names (``StoreQueries/mentions(inArticle:)``).
public struct ArticleMention: QueryResult, Hashable {
    public var text: String
    public var type: String
    public var kind: String
    /// The key and name of the entity it names.
    public var entity: String?
    public var name: String?
    public var start: Int?
    public var end: Int?

    public static let columns = ["text", "type", "kind", "entity", "name", "start", "end"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (text, type, kind, entity) = (r.text() ?? "", r.text() ?? "", r.text() ?? "", r.text())
        (name, start, end) = (r.text(), r.int(), r.int())
    }

    public var values: [SQLValue] {
        [.text(text), .text(type), .text(kind), SQLValue(entity), SQLValue(name), SQLValue(start), SQLValue(end)]
    }
}

/// A quote or reported speech in one article, with its speaker (``StoreQueries/quotes(inArticle:)``).
public struct ArticleQuote: QueryResult, Hashable {
    public var text: String
    public var direct: Bool
    public var speakerKey: String?
    public var speaker: String?
    public var start: Int?
    public var end: Int?

    public static let columns = ["text", "direct", "speaker_key", "speaker", "start", "end"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (text, direct, speakerKey, speaker, start, end) = (r.text() ?? "", r.int() == 1, r.text(), r.text(), r.int(), r.int())
    }

    public var values: [SQLValue] {
        [.text(text), .integer(direct ? 1 : 0), SQLValue(speakerKey), SQLValue(speaker), SQLValue(start), SQLValue(end)]
    }
}
