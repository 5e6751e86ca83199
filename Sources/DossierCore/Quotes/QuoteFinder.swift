/// Finds quotations and reported speech with their speakers (layer ``Layer/quotes``).
///
/// Direct quotes are the words between double quotation marks, straight or
/// curly, a quote that runs over paragraphs included (its paragraphs open
/// with a mark and only the last closes it). Indirect ones are the clauses
/// of "X said (that) ...", "X told reporters in Geneva that ...", "..., X
/// said (on Sunday)", "..., said X", "according to X, ..." and "...,
/// according to X"; "..., adding that ..." reports again. A verb that
/// reports the direct quote just before it reports nothing more ("“...,” X
/// said at a press conference"), and words quoted within reported speech
/// belong to it ("said Russia saw no proof of the “slanderous” claims").
/// The speaker is the entity named beside the verb of saying in its own
/// clause ("X said", "said X", "X, a spokesman for Y, said", "he said"
/// through the pronoun's antecedent, never a name quoted), else the speaker
/// of a colon lead or of the quote just before.
public struct QuoteFinder: Stage {
    public let name = "quotes"
    public let requires: Set<Layer> = [.furniture, .tokens, .sentences, .times, .mentions, .entities]
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

/// One document's search for quotes (``QuoteFinder``): direct quotes and their speakers here, reported speech in
/// `IndirectSpeech.swift`.
struct QuoteSearch {
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
        let direct = direct()
        let indirect = indirect(excluding: direct)
        // A few words quoted within reported speech ("Lavrov said Russia saw no proof for the "slanderous" accusation") are
        // part of it, not a quote of their own.
        let kept = direct.filter { quote in !overlapping(quote.span, indirect).contains { $0.span.contains(quote.span) } }
        return (kept + indirect).sorted { $0.span < $1.span }
    }

    // MARK: Direct quotes

    /// The ``Document/quotations()`` of the body and standfirst, with speakers.
    func direct() -> [Quote] {
        var previousSpeaker: (speaker: Int, span: Span)?
        let quotes = document.quotations().map { make($0, previous: &previousSpeaker) }
        return quotes.filter { $0.speaker != nil && $0.span.length > 0 }
    }

    /// A direct quote of the words between quotation marks, trimmed of edge punctuation.
    func make(_ quoted: Span, previous: inout (speaker: Int, span: Span)?) -> Quote {
        let span = trimmed(quoted)
        // A quote that opens a paragraph after a colon lead ("According to the BBC:") is the lead's, whatever verbs follow.
        let lead = leadSpeaker(span)
        if let lead, opensParagraph(quoted) {
            previous = (lead, span)
            return Quote(span: span, direct: true, speaker: lead, cue: nil)
        }
        let (speaker, cue) = speakerOf(span)
        var quote = Quote(span: span, direct: true, speaker: speaker, cue: cue)
        if quote.speaker == nil { quote.speaker = lead ?? previousSpeakerIfContinuing(span, previous) }
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
        // A participle after a comma ("..., saying the talks failed").
        if words.participles.contains(document.lowercasedForms[token]) { return token > 0 && document.forms[token - 1] == "," }
        guard verbs.contains(document.lowercasedForms[token]) else { return false }
        // "the United States" states nothing.
        if inMention[token] { return false }
        // "was reported", "was also reported": a passive reports nothing of its own.
        var before = token - 1
        if before > 0, words.beforeVerb.contains(document.lowercasedForms[before]) { before -= 1 }
        let previous = before >= 0 ? document.lowercasedForms[before] : ""
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
        let after = candidates.filter { document.mentions[$0].span.start >= verbSpan.end }
        let before = candidates.filter { document.mentions[$0].span.end <= verbSpan.start }
        let previous = verb > 0 ? document.forms[verb - 1] : ""
        // "Trump defended Kim, saying ...": a participle speaks for its clause's subject, the first person named before it,
        // else the first actor not in an adjunct ("In Seoul, the ministry ...").
        if words.participles.contains(document.lowercasedForms[verb]) {
            let subjects = before.filter { m in
                let start = document.mentions[m].tokens.lowerBound
                return start == 0 || !words.prepositions.contains(document.lowercasedForms[start - 1])
            }
            let person = subjects.first { document.mentions[$0].type == .person && document.mentions[$0].kind == .name }
            return (person ?? subjects.first).flatMap { entityOfMention[$0] }
        }
        /// "“...,” said X", "..., reports X": the subject follows the verb (but for the one addressed: "..., she told Moon").
        func inverted() -> Int? {
            guard let first = after.first, tokenGap(verbSpan, document.mentions[first].span) <= 3,
                previous != "," || !words.addressing.contains(document.lowercasedForms[verb])
            else { return nil }
            return entityOfMention[first]
        }
        if previous == "\"" || previous == "”", let speaker = inverted() { return speaker }
        // "X, APPOSITION OR CLAUSE, (has) said": the subject is the name before the phrase set off by commas ("The website
        // 38 North, operated by the Institute, said"; "Mr Trump, who plans to meet Kim, has said").
        if let opening = commaPhraseOpening(before: verb, in: sentence) {
            // "the foreign minister, Ri Yong Ho, said": a name that is the whole phrase names the subject.
            if let named = before.first(where: { document.mentions[$0].tokens.lowerBound == opening + 1 }),
                document.mentions[named].type == .person, document.mentions[named].kind == .name,
                document.forms[document.mentions[named].tokens.upperBound] == ","
            {
                return entityOfMention[named]
            }
            // Not the object of a preposition ("In Kyiv, rebels drove them out, reports X").
            if let subject = before.last(where: { document.mentions[$0].tokens.upperBound == opening }),
                document.mentions[subject].tokens.lowerBound == 0
                    || !words.prepositions.contains(document.lowercasedForms[document.mentions[subject].tokens.lowerBound - 1])
            {
                return entityOfMention[subject]
            }
            // "Two senators, Mike Lee and Jerry Moran, said": the phrase names the subject.
            if !before.contains(where: { document.mentions[$0].tokens.upperBound == opening }),
                let named = before.last(where: { document.mentions[$0].tokens.lowerBound > opening }),
                document.mentions[named].type == .person, document.mentions[named].kind == .name
            {
                return entityOfMention[named]
            }
        }
        if previous == ",", let speaker = inverted() { return speaker }
        // Before the verb: the nearest mention within a few words. A speaker stands in its verb's clause: no comma between
        // them ("..., the newspaper reports" names none), but for a relative pronoun ("Christie, who noted that").
        // A possessive pronoun owns the subject ("his sister told"): it is not the speaker.
        if let nearest = before.last, tokenGap(document.mentions[nearest].span, verbSpan) <= 12,
            !words.possessivePronouns.contains(document.string(document.mentions[nearest].span).lowercased()),
            !(document.mentions[nearest].tokens.upperBound..<verb).contains(where: { document.forms[$0] == "," })
                || (verb >= 2 && document.forms[verb - 2] == "," && words.relativePronouns.contains(previous.lowercased())
                    && document.mentions[nearest].tokens.upperBound == verb - 2)
        {
            return entityOfMention[nearest]
        }
        // "said the minister", not "asked whether Tillerson ...": no clause opens between the verb and the speaker after it;
        // who follows "told" is the one addressed.
        if let first = after.first, tokenGap(verbSpan, document.mentions[first].span) <= 3,
            !words.addressing.contains(document.lowercasedForms[verb]),
            !(verb + 1..<document.mentions[first].tokens.lowerBound).contains(where: {
                words.clauseOpeners.contains(document.lowercasedForms[$0])
            })
        {
            return entityOfMention[first]
        }
        return nil
    }

    /// The comma that opens a phrase set off by commas just before a verb ("X, a spokesman for Y, said": the comma after X),
    /// auxiliaries and adverbs between the closing comma and the verb aside; nil when no comma closes a phrase there.
    func commaPhraseOpening(before verb: Int, in sentence: Int) -> Int? {
        let first = document.sentences[sentence].tokens.lowerBound
        var t = verb - 1
        while t > first, words.beforeVerb.contains(document.lowercasedForms[t]) { t -= 1 }
        guard t > first, document.forms[t] == "," else { return nil }
        // The opening comma: the one before, within a phrase's length, with no sentence or quote mark between.
        var k = t - 1
        while k > first, t - k <= Self.phraseLength {
            let form = document.forms[k]
            if form == "," { return k }
            if form == "\"" || form == "“" || form == "”" || form == ";" || form == ":" { return nil }
            k -= 1
        }
        return nil
    }

    /// The most words a phrase set off by commas holds.
    static let phraseLength = 24

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

    /// The speaker of a colon lead: the sentence before the quote ends with ":" after a verb of saying ("Trump said:") or
    /// "according to X".
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
        return according(in: sentence, outside: Span(0, 0), near: sentence.tokens)?.0
    }

    /// The index of the block that holds a span (blocks are in order).
    func block(containing span: Span) -> Int? {
        let i = document.blocks.partitionPoint { $0.span.end > span.start }
        return i < document.blocks.count && document.blocks[i].span.contains(span) ? i : nil
    }

    /// Whether the words between quotation marks open their paragraph (only the opening mark before them).
    func opensParagraph(_ quoted: Span) -> Bool {
        // Only a mark and spaces may stand before: a few bytes, never the text of a long paragraph.
        guard let block = block(containing: quoted), quoted.start - document.blocks[block].span.start <= 16 else { return false }
        return document.string(Span(document.blocks[block].span.start, quoted.start)).unicodeScalars.filter { !$0.properties.isWhitespace }
            .count <= 1
    }

    /// A quote with no speaker of its own goes on from the quote before: in the same paragraph, or opening the
    /// paragraph after it.
    func previousSpeakerIfContinuing(_ quote: Span, _ previous: (speaker: Int, span: Span)?) -> Int? {
        guard let previous, let block = block(containing: quote) else { return nil }
        if document.blocks[block].span.contains(previous.span) { return previous.speaker }
        let paragraphStart = document.blocks[block].span.start
        let before = document.blocks[..<block].last { $0.role == .body || $0.role == .standfirst }
        return quote.start - paragraphStart <= 4 && before?.span.contains(previous.span) == true ? previous.speaker : nil
    }
}
