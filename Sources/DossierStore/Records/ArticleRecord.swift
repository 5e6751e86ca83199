import Crypto
import DossierCore
import Foundation

/// Where a piece of evidence stands: code-point offsets into the article's body (as in `dossier extract`'s
/// JSON), or the block it stands in (a headline, a caption) when it lies outside the body.
public struct EvidencePosition: Sendable, Hashable {
    public var start: Int?
    public var end: Int?
    public var block: String?

    init(_ span: Span, _ document: Document, _ map: BodyMap) {
        if let (start, end) = map.range(span) {
            self.start = start
            self.end = end
        } else {
            block = document.blocks.first { $0.span.contains(span) }?.role.rawValue
        }
    }
}

/// Everything the store keeps of one article, made from its processed ``Document`` by an extraction worker.
public struct ArticleRecord: Sendable {
    /// One of the article's entities, with the key of the record it merges into across articles.
    public struct EntityRow: Sendable, Hashable {
        public var key: String
        public var localID: String
        public var name: String
        public var type: String
        public var country: String?
        public var kb: String?
        public var actor: String?
        public var latitude: Double?
        public var longitude: Double?
        public var roles: [String]
        public var mentionCount: Int
        /// The names the article calls it by, with how often.
        public var aliases: [String: Int]
    }

    public struct MentionRow: Sendable, Hashable {
        public var entityKey: String?
        public var text: String
        public var kind: String
        public var type: String
        public var foundBy: String
        public var position: EvidencePosition
    }

    public struct QuoteRow: Sendable, Hashable {
        public var speakerKey: String?
        public var text: String
        public var direct: Bool
        public var date: String?
        public var position: EvidencePosition
    }

    public struct ClaimRow: Sendable, Hashable {
        public var text: String
        public var assertedBy: [String]
        public var deniedBy: [String]
        public var position: EvidencePosition
    }

    /// One report of an event, before it is merged with the reports of the same event.
    public struct EventReport: Sendable, Hashable {
        public var code: String
        public var plover: String?
        public var mode: String?
        public var quadClass: Int?
        public var goldstein: Double?
        public var sourceKey: String?
        public var targetKey: String?
        public var placeKey: String?
        public var date: String?
        public var status: String
        public var attributedTo: String?
        public var evidence: String
        public var trigger: String
        public var pattern: String
        public var position: EvidencePosition

        /// The CAMEO root: the code's first two digits.
        public var root: String { String(code.prefix(2)) }
        /// Reports of one event share this key: root, source and target.
        public var mergeKey: String { "\(root)|\(sourceKey ?? "")|\(targetKey ?? "")" }
    }

    /// SHA-256 of the text, in hex: the article's identity in the store.
    public var hash: String
    public var source: String
    /// The information source, for counting sources as GDELT does: the outlet, else the URL's host, else the article.
    public var origin: String
    public var given: GivenMetadata
    public var title: String?
    public var published: String?
    public var text: String
    public var body: String
    public var entities: [EntityRow] = []
    public var mentions: [MentionRow] = []
    public var quotes: [QuoteRow] = []
    public var claims: [ClaimRow] = []
    public var events: [EventReport] = []

    /// The content hash of an article's text.
    public static func hash(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The record of a processed document; `hash` is ``hash(of:)`` of its text, computed before extraction.
    public init(_ document: Document, hash: String) {
        let map = BodyMap(document)
        self.hash = hash
        source = document.source
        given = document.given
        title = document.title
        published = document.published
        text = document.text
        body = map.body
        let host = document.given.url.flatMap { URL(string: $0)?.host }.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
        origin = document.given.outlet ?? host ?? "article:\(hash)"

        let keys = document.entities.map { Self.key($0, article: hash) }
        let entityOfMention = document.entityOfMention()
        func key(_ index: Int?) -> String? { index.map { keys[$0] } }
        for (index, entity) in document.entities.enumerated() {
            var aliases: [String: Int] = [:]
            for m in entity.mentions where document.mentions[m].kind == .name {
                aliases[document.string(document.mentions[m].span), default: 0] += 1
            }
            entities.append(
                EntityRow(
                    key: keys[index], localID: entity.id, name: entity.name, type: entity.type.rawValue, country: entity.country,
                    kb: entity.kbID, actor: entity.actorCode, latitude: entity.latitude, longitude: entity.longitude,
                    roles: entity.roles, mentionCount: entity.mentions.count, aliases: aliases))
        }
        mentions = document.mentions.enumerated().map { index, mention in
            MentionRow(
                entityKey: key(entityOfMention[index]), text: document.string(mention.span), kind: mention.kind.rawValue,
                type: mention.type.rawValue, foundBy: mention.foundBy, position: EvidencePosition(mention.span, document, map))
        }
        quotes = document.quotes.map { quote in
            QuoteRow(
                speakerKey: key(quote.speaker), text: document.string(quote.span), direct: quote.direct, date: quote.date,
                position: EvidencePosition(quote.span, document, map))
        }
        claims = document.claims.map { claim in
            ClaimRow(
                text: document.string(claim.span), assertedBy: claim.assertedBy.map { keys[$0] },
                deniedBy: claim.deniedBy.map { keys[$0] }, position: EvidencePosition(claim.span, document, map))
        }
        events = document.events.map { event in
            EventReport(
                code: event.code, plover: event.cameo?.plover, mode: event.cameo?.mode, quadClass: event.cameo?.quadClass,
                goldstein: event.cameo?.goldstein, sourceKey: key(event.source), targetKey: key(event.target),
                placeKey: key(event.location), date: event.date, status: event.status.rawValue,
                attributedTo: key(event.attributedTo), evidence: document.string(event.evidence),
                trigger: document.string(event.trigger), pattern: event.pattern,
                position: EvidencePosition(event.evidence, document, map))
        }
    }

    /// The key of the record an entity merges into: its knowledge-base id, else its type, country and name. An agent
    /// ("police", "protesters") names no one thing across reports: it keeps to the article it stands in (`article`, the
    /// article's hash).
    public static func key(_ entity: Entity, article: String) -> String {
        if let kb = entity.kbID { return "kb:\(kb)" }
        let name = entity.name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if entity.type == .agent { return "\(entity.type.rawValue):\(article.prefix(16)):\(name)" }
        return "\(entity.type.rawValue):\(entity.country ?? "-"):\(name)"
    }
}
