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
}

/// The words of `speech.txt`.
public struct SpeechWords: Sendable {
    public let verbs: Set<String>
    public let according: String
    public let complements: Set<String>

    init(lines: [Substring]) throws {
        let classes = try Resource.wordClasses(lines, file: "speech.txt")
        verbs = Set(classes["verb"] ?? [])
        according = classes["according"]?.first ?? "according"
        complements = Set(classes["complement"] ?? [])
    }
}

/// Finds quotations and reported speech with their speakers (layer ``Layer/quotes``).
///
/// Direct quotes are the words between double quotation marks, straight or
/// curly, a quote that runs over paragraphs included (its paragraphs open
/// with a mark and only the last closes it). Indirect ones are the clauses
/// of "X said (that) ...", "..., X said" and "according to X, ...". The
/// speaker is the entity named beside the verb of saying ("X said", "said
/// X", "he said" through the pronoun's antecedent), else the speaker of a
/// colon lead or of the quote just before.
public struct QuoteFinder: Stage {
    public let name = "quotes"
    public let requires: Set<Layer> = [.entities]
    public let assigns: Set<Layer> = [.quotes]
    public let words: SpeechWords
    /// ``SpeechWords/verbs``, for a lookup on every word.
    let verbs: WordMap<Bool>

    public init(words: SpeechWords) {
        self.words = words
        verbs = WordMap(words.verbs)
    }

    public func run(_ document: inout Document) throws {
        var finder = QuoteSearch(document: document, words: words, verbs: verbs)
        let quotes = finder.quotes()
        document.quotes = quotes.map { quote in
            var quote = quote
            quote.date = document.date(of: quote.cue ?? quote.span, future: false)
            return quote
        }
    }
}

private struct QuoteSearch {
    let document: Document
    let words: SpeechWords
    let verbs: WordMap<Bool>
    /// The entity of each mention.
    let entityOfMention: [Int?]
    /// Whether each token lies in a mention.
    let inMention: [Bool]
    /// How many words around a quote, and around a verb of saying, are searched for the verb and the speaker: a speaker
    /// is named beside the quote, and a text that is one endless sentence must not make each quote read all of it.
    static let reach = 40

    init(document: Document, words: SpeechWords, verbs: WordMap<Bool>) {
        self.document = document
        self.words = words
        self.verbs = verbs
        entityOfMention = document.entityOfMention()
        var inMention = [Bool](repeating: false, count: document.tokens.count)
        for mention in document.mentions {
            for t in mention.tokens.clamped(to: 0..<inMention.count) { inMention[t] = true }
        }
        self.inMention = inMention
    }

    mutating func quotes() -> [Quote] {
        var found = direct()
        found += indirect(excluding: found)
        return found.sorted { $0.span < $1.span }
    }

    // MARK: Direct quotes

    /// Quoted spans of the body and standfirst, with speakers. Marks pair up within a paragraph; a mark
    /// left open runs to the paragraph's end, as a quote that goes on in the next paragraph does.
    func direct() -> [Quote] {
        let bytes = document.folded.bytes
        var quotes: [Quote] = []
        var previousSpeaker: (speaker: Int, span: Span)?
        for block in document.blocks where block.role == .body || block.role == .standfirst {
            let range = document.folded.folded(block.span)
            var open: Int?
            for i in range.start..<range.end where bytes[i] == 0x22 {
                if let start = open {
                    quotes.append(make(start, i, previous: &previousSpeaker))
                    open = nil
                } else {
                    open = i + 1
                }
            }
            if let start = open, start < range.end { quotes.append(make(start, range.end, previous: &previousSpeaker)) }
        }
        return quotes.filter { $0.speaker != nil && $0.span.length > 0 }
    }

    /// A direct quote between folded offsets, its text trimmed of edge punctuation.
    func make(_ start: Int, _ end: Int, previous: inout (speaker: Int, span: Span)?) -> Quote {
        var span = document.folded.original(Span(start, end))
        span = trimmed(span)
        let (speaker, cue) = speakerOf(span)
        var quote = Quote(span: span, direct: true, speaker: speaker, cue: cue)
        if quote.speaker == nil { quote.speaker = leadSpeaker(span) ?? previousSpeakerIfContinuing(span, previous) }
        if let speaker = quote.speaker { previous = (speaker, span) }
        return quote
    }

    /// A span without surrounding spaces and the commas or periods that close a quote ("... clear," he said).
    func trimmed(_ span: Span) -> Span {
        var s = span.start
        var e = span.end
        let b = document.utf8
        while s < e && (b[s] == 0x20 || b[s] == 0x0A) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x0A || b[e - 1] == 0x2C) { e -= 1 }
        return Span(s, e)
    }

    // MARK: Speakers

    /// The speaker named beside a verb of saying in the sentences around a quote, and that verb.
    func speakerOf(_ quote: Span) -> (Int?, Span?) {
        let near = max(0, tokenIndex(atOrAfter: quote.start) - Self.reach)..<(tokenIndex(atOrAfter: quote.end) + Self.reach)
        var s = firstSentence(endingAfter: quote.start)
        while s < document.sentences.count, document.sentences[s].span.start < quote.end {
            let sentence = document.sentences[s]
            let outside = sentence.tokens.clamped(to: near).filter { !quote.contains(document.tokens[$0].span) }
            for t in outside where isSpeechVerb(t) {
                if let speaker = speaker(around: t, in: s, outside: quote) { return (speaker, document.tokens[t].span) }
            }
            if let (speaker, cue) = according(in: sentence, outside: quote, near: near) { return (speaker, cue) }
            s += 1
        }
        return (nil, nil)
    }

    /// The index of the first sentence that ends after a byte offset.
    func firstSentence(endingAfter offset: Int) -> Int { document.sentences.partitionPoint { $0.span.end > offset } }

    /// The indices of the mentions that start within `reach` tokens of a token.
    func mentions(near token: Int, reach: Int) -> Range<Int> {
        let starts = document.mentions.lazy.map(\.tokens.lowerBound)
        return starts.partitionPoint { $0 >= token - reach }..<starts.partitionPoint { $0 > token + reach }
    }

    /// A verb of saying in the active voice ("announced", not "was announced by").
    func isSpeechVerb(_ token: Int) -> Bool {
        guard verbs.contains(document.lowercasedForms[token]) else { return false }
        // "the United States" states nothing.
        if inMention[token] { return false }
        let previous = token > 0 ? document.lowercasedForms[token - 1] : ""
        let next = token + 1 < document.tokens.count ? document.lowercasedForms[token + 1] : ""
        return !["been", "be", "was", "were", "is", "are", "being"].contains(previous) && next != "by"
    }

    /// The entity named just before a verb of saying ("Trump said", "the minister, Lee, said"), else just after it ("said Trump").
    func speaker(around verb: Int, in sentence: Int, outside quote: Span) -> Int? {
        let verbSpan = document.tokens[verb].span
        let candidates = mentions(near: verb, reach: Self.reach).filter { m in
            let mention = document.mentions[m]
            return mention.sentence == sentence && !quote.contains(mention.span) && entityOfMention[m] != nil
                && mention.type != .weapon && mention.type != .event
        }
        // Before the verb: the nearest mention within a few words, skipping the apposition of a title.
        let before = candidates.filter { document.mentions[$0].span.end <= verbSpan.start }
        if let nearest = before.last, tokenGap(document.mentions[nearest].span, verbSpan) <= 12 {
            // "Lee Sung Joon, a spokesperson for South Korea's Joint Chiefs of Staff, said": the subject is the person the apposition describes.
            let appositive = before.last { m in
                let mention = document.mentions[m]
                guard mention.type == .person, mention.kind == .name, m != nearest, tokenGap(mention.span, verbSpan) <= 16,
                    mention.tokens.upperBound + 1 < document.tokens.count
                else { return false }
                let next = document.forms[mention.tokens.upperBound]
                let after = document.lowercasedForms[mention.tokens.upperBound + 1]
                return next == "," && ["a", "an", "the"].contains(after)
            }
            return entityOfMention[appositive ?? nearest]
        }
        let after = candidates.filter { document.mentions[$0].span.start >= verbSpan.end }
        if let first = after.first, tokenGap(verbSpan, document.mentions[first].span) <= 3 { return entityOfMention[first] }
        return nil
    }

    /// "according to X": the entity X, and the cue.
    func according(in sentence: Sentence, outside quote: Span, near: Range<Int>) -> (Int, Span)? {
        for t in sentence.tokens.clamped(to: near) where document.lowercasedForms[t] == words.according {
            let cue = document.tokens[t].span
            let after = mentions(near: t, reach: 8).first { m in
                document.mentions[m].span.start > cue.end && !quote.contains(document.mentions[m].span)
                    && tokenGap(cue, document.mentions[m].span) <= 4 && entityOfMention[m] != nil
            }
            if let after, let entity = entityOfMention[after] { return (entity, cue) }
        }
        return nil
    }

    /// Tokens between two spans.
    func tokenGap(_ a: Span, _ b: Span) -> Int {
        let (first, second) = a.end <= b.start ? (a, b) : (b, a)
        return max(0, tokenIndex(atOrAfter: second.start) - tokenIndex(atOrAfter: first.end))
    }

    /// The index of the first token starting at or after a byte offset.
    func tokenIndex(atOrAfter offset: Int) -> Int { document.tokens.partitionPoint { $0.span.start >= offset } }

    /// The speaker of a colon lead: the sentence before the quote ends with ":" after a verb of saying ("Trump said:").
    func leadSpeaker(_ quote: Span) -> Int? {
        let s = firstSentence(endingAfter: quote.start) - 1
        guard s >= 0 else { return nil }
        let sentence = document.sentences[s]
        // Its last characters (a few bytes are enough).
        let tail = Span(max(sentence.span.start, sentence.span.end - 8), sentence.span.end)
        let end = document.string(tail).unicodeScalars.reversed().drop { $0.properties.isWhitespace && $0 != "\n" }.prefix(2)
        guard end.first == ":" || Array(end) == ["\"", ":"] else { return nil }
        for t in sentence.tokens.suffix(Self.reach) where isSpeechVerb(t) {
            if let speaker = speaker(around: t, in: s, outside: Span(0, 0)) { return speaker }
        }
        return nil
    }

    /// A quote with no speaker of its own goes on from the quote before: in the same paragraph, or opening the
    /// paragraph after it.
    func previousSpeakerIfContinuing(_ quote: Span, _ previous: (speaker: Int, span: Span)?) -> Int? {
        guard let previous, let block = document.blocks.firstIndex(where: { $0.span.contains(quote) }) else { return nil }
        if document.blocks[block].span.contains(previous.span) { return previous.speaker }
        let paragraphStart = document.blocks[block].span.start
        let before = document.blocks[..<block].last { $0.role == .body || $0.role == .standfirst }
        return quote.start - paragraphStart <= 4 && before?.span.contains(previous.span) == true ? previous.speaker : nil
    }

    // MARK: Indirect speech

    /// "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE": the clause, unless direct quotes cover it.
    func indirect(excluding direct: [Quote]) -> [Quote] {
        var out: [Quote] = []
        for (s, sentence) in document.sentences.enumerated() where document.blocks[sentence.block].role == .body {
            let tokens = Array(sentence.tokens)
            guard tokens.count >= 4 else { continue }
            for (k, t) in tokens.enumerated() where isSpeechVerb(t) {
                guard let speaker = speaker(around: t, in: s, outside: Span(0, 0)) else { continue }
                let clause: Span?
                let verbSpan = document.tokens[t].span
                // "..., X said." : the clause runs from the sentence start to the comma before the speaker.
                // Only a short tail may follow the verb ("on Wednesday", "in a statement"): else the clause comes after it.
                if let comma = tokens[..<k].lastIndex(where: { document.forms[$0] == "," }), comma > 0,
                    tokens.count - k <= 7, k - comma <= 8,
                    !tokens[k...].contains(where: { words.complements.contains(document.lowercasedForms[$0]) }),
                    k + 1 >= tokens.count || tokens[(k + 1)...].allSatisfy({ !isClauseWord($0) })
                {
                    clause = Span(sentence.span.start, document.tokens[tokens[comma]].span.start)
                } else {
                    // "X said (on Wednesday) (that) ...": from after "that", or after the verb.
                    var start = k + 1
                    if let that = tokens[(k + 1)...].prefix(6).firstIndex(where: {
                        words.complements.contains(document.lowercasedForms[$0])
                    }) {
                        start = that + 1
                    }
                    guard start < tokens.count - 1 else { continue }
                    let endToken = document.forms[tokens.last!] == "." ? tokens.count - 2 : tokens.count - 1
                    guard endToken >= start else { continue }
                    clause = Span(document.tokens[tokens[start]].span.start, document.tokens[tokens[endToken]].span.end)
                }
                guard let clause, clause.length > 0, clause.end <= verbSpan.start || clause.start >= verbSpan.end else { continue }
                // Words the clause quotes are the direct quote's: the clause adds no quote of its own.
                if overlapping(clause, direct).contains(where: { clause.contains($0.span) || $0.span.contains(clause) }) { break }
                out.append(Quote(span: trimmed(clause), direct: false, speaker: speaker, cue: verbSpan))
                break
            }
            if out.last.map({ !sentence.span.contains($0.span) }) ?? true,
                let (speaker, cue) = according(in: sentence, outside: Span(0, 0), near: sentence.tokens),
                let comma = tokens.first(where: { document.tokens[$0].span.start > cue.end && document.forms[$0] == "," })
            {
                let last = document.forms[tokens.last!] == "." ? tokens[tokens.count - 2] : tokens.last!
                if let next = tokens.first(where: { $0 > comma }), next <= last {
                    out.append(
                        Quote(
                            span: Span(document.tokens[next].span.start, document.tokens[last].span.end), direct: false, speaker: speaker,
                            cue: cue))
                }
            }
        }
        return out
    }

    /// The quotes of a list sorted by position that overlap a span.
    func overlapping(_ span: Span, _ quotes: [Quote]) -> ArraySlice<Quote> {
        let low = quotes.partitionPoint { $0.span.end > span.start }
        var end = low
        while end < quotes.count, quotes[end].span.start < span.end { end += 1 }
        return quotes[low..<end]
    }

    /// A word that shows the clause goes on after the verb ("said that", "said it would").
    func isClauseWord(_ token: Int) -> Bool {
        let form = document.lowercasedForms[token]
        return words.complements.contains(form) || form == "it" || form == "they" || form == "he" || form == "she"
    }
}
