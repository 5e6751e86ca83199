/// A stretch of reported speech and who said it.
public struct Quote: Sendable, Hashable {
    /// The words quoted, without the quotation marks.
    public var span: Span
    /// In quotation marks (direct) or reported ("X said that ...").
    public var direct: Bool
    /// Index into ``Document/entities`` of the speaker.
    public var speaker: Int?
    /// The verb or phrase that attributes it ("said", "according to").
    public var cue: Span?
    /// When it was said: the time that governs the attribution, else the report's date.
    public var date: String? = nil

    public init(span: Span, direct: Bool, speaker: Int? = nil, cue: Span? = nil, date: String? = nil) {
        self.span = span
        self.direct = direct
        self.speaker = speaker
        self.cue = cue
        self.date = date
    }
}

/// The words of `speech.txt`.
public struct SpeechWords: Sendable {
    public let verbs: Set<String>
    public let according: String
    public let complements: Set<String>
    /// Auxiliaries and adverbs that may stand between a speaker and the verb ("has said", "later said").
    public let beforeVerb: Set<String>
    /// Words that open an adjunct after a verb of saying ("said on Sunday", "said in a statement").
    public let adjuncts: Set<String>
    /// Verbs of saying whose object is the one addressed ("told reporters").
    public let addressing: Set<String>
    /// Relative pronouns that may stand between a speaker and the verb ("Christie, who noted").
    public let relativePronouns: Set<String>
    /// Prepositions: a name after one is no subject ("In Kyiv, ...").
    public let prepositions: Set<String>
    /// Participles of saying that speak for their clause's subject after a comma ("defended Kim, saying ...").
    public let participles: Set<String>
    /// Auxiliaries and copulas: one shows that a clause follows a verb of saying ("confirmed the deal was signed").
    public let auxiliaries: Set<String>
    /// Possessive pronouns ("his sister said"): owners of a subject, not subjects.
    public let possessivePronouns: Set<String>
    /// Verbs of saying whose clause may follow without "that" ("said the talks failed").
    public let bareClauseVerbs: Set<String>
    /// Words that open a clause ("whether", "if", "that"): a name after one is no speaker.
    public let clauseOpeners: Set<String>

    init(lines: [Substring]) throws {
        let classes = try Resource.wordClasses(lines, file: "speech.txt")
        func set(_ name: String) throws -> Set<String> { try Resource.words(of: name, in: classes, file: "speech.txt") }
        verbs = try set("verb")
        according = classes["according"]?.first ?? "according"
        complements = try set("complement")
        beforeVerb = try set("before-verb")
        adjuncts = try set("adjunct")
        addressing = try set("addressing")
        relativePronouns = try set("relative")
        bareClauseVerbs = try set("bare-clause")
        possessivePronouns = try set("possessive")
        auxiliaries = try set("auxiliary")
        participles = try set("participle")
        prepositions = try set("preposition")
        clauseOpeners = try set("clause-opener")
    }
}

extension Document {
    /// The words between double quotation marks (straight or curly) in the body and standfirst, marks excluded. Marks pair
    /// up within a paragraph; a mark left open runs to the paragraph's end, as a quote that goes on in the next paragraph
    /// does.
    public func quotations() -> [Span] {
        let bytes = folded.bytes
        var spans: [Span] = []
        for block in blocks where block.role == .body || block.role == .standfirst {
            let range = folded.folded(block.span)
            var open: Int?
            for i in range.start..<range.end where bytes[i] == 0x22 {
                if let start = open {
                    spans.append(folded.original(Span(start, i)))
                    open = nil
                } else {
                    open = i + 1
                }
            }
            if let start = open, start < range.end { spans.append(folded.original(Span(start, range.end))) }
        }
        return spans
    }
}
