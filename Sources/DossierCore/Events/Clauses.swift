/// Clause boundaries around a trigger, and what they tell: the event's status, place and who reported it; passives and
/// objects.
extension SentenceCoder {
    /// The token index (in the document) of a word between two document token indices.
    func index(of word: String, in tokens: [Int], from start: Int, to end: Int) -> Int? {
        tokens.first { $0 >= (start < tokens.count ? tokens[start] : Int.max) && $0 <= end && form($0) == word }
    }

    /// Where the clause of the trigger at `k` starts: after the last boundary word before it (document token index).
    func clauseStart(_ tokens: [Int], _ k: Int) -> Int {
        var i = k - 1
        while i >= 0 {
            let word = form(tokens[i])
            if words.boundaries.contains(word) {
                // "and" joins clauses before a verb ("and briefed him", "and then met"), names and nouns elsewhere ("Kim and
                // Shoigu", "rejection and strong condemnation").
                guard word == "and" else { return tokens[i] + 1 }
                if i + 1 <= k, tags[i + 1].isVerb || tags[i + 1].isAdverb || tags[i + 1].isModal {
                    return tokens[i] + 1
                }
            }
            i -= 1
        }
        return tokens[0]
    }

    /// Where the clause after a trigger ends (document token index, inclusive).
    func clauseEnd(_ tokens: [Int], _ from: Int) -> Int {
        var i = from
        while i < tokens.count {
            let f = form(tokens[i])
            if words.clauseEnds.contains(f) { return tokens[i] - 1 }
            i += 1
        }
        return tokens.last!
    }

    /// Negation and modals just before the trigger; "if" in its clause; a hedge in its clause ("reportedly")
    /// or just before the clause ("accusations that ..."), or an accusation just before an act it names ("accused Russia
    /// of attacking").
    func status(_ tokens: [Int], _ k: Int) -> Event.Status {
        // The forms array, not `form`: a method as a closure would copy the coder.
        let forms = document.lowercasedForms
        let near = tokens[max(0, k - 4)..<k].map { forms[$0] }
        if near.contains(where: words.negations.contains) { return .negated }
        let start = tokens.firstIndex(of: clauseStart(tokens, k)) ?? 0
        let clause = tokens[start..<k].map { forms[$0] }
        if clause.contains(where: words.hypothetical.contains) || near.contains(where: words.possible.contains) { return .hypothetical }
        // "warned Kyiv against attacking Crimea", "campaigned against building the wall": an act warned against is not done.
        if k > 0, tags[k].isGerund, form(tokens[k - 1]) == "against" { return .hypothetical }
        let infinitive = k > 0 && form(tokens[k - 1]) == "to" && !(k > 1 && words.accomplished.contains(form(tokens[k - 2])))
        if near.contains(where: words.future.contains) || infinitive { return .planned }
        // "accused Russia of attacking Kharkiv", "blamed Russia for the attack": an act someone is accused of is alleged.
        var before = k - 1
        while before > 0, tags[before].isDeterminer || tags[before].isAdjective { before -= 1 }
        if before >= 0, ["of", "for"].contains(forms[tokens[before]]), near.contains(where: words.alleged.contains) { return .alleged }
        let lead = tokens[max(0, start - 3)..<start].map { forms[$0] }
        if lead.contains(where: words.alleged.contains) || clause.contains(where: words.hedges.contains) { return .alleged }
        return .reported
    }

    /// A place named in the sentence as where it happened: a place mention after "in" or "at".
    func location(_ tokens: [Int], _ actors: [(mention: Int, entity: Int)]) -> Int? {
        for actor in actors where document.mentions[actor.mention].type == .gpe && document.mentions[actor.mention].kind == .name {
            let start = first(actor.mention)
            if start > 0, ["in", "at"].contains(form(start - 1)) { return actor.entity }
        }
        return nil
    }

    /// Whether a target is a place of the source person's own country ("Erdogan" and Turkey, "Obama" and Detroit).
    func isOwnPlace(_ target: Int, of source: Int) -> Bool {
        let person = document.entities[source]
        let place = document.entities[target]
        return person.type == .person && (place.type == .gpe || place.type == .loc) && person.country != nil
            && person.country == place.country
    }

    /// The speaker of the quote that holds the trigger, or of "according to X" in its sentence.
    func attribution(_ sentence: Int, _ trigger: Span) -> Int? {
        if let quote = document.quotes.first(where: { $0.span.contains(trigger) }) { return quote.speaker }
        let span = document.sentences[sentence].span
        return document.quotes.first { span.contains($0.cue ?? Span(-1, -1)) && !$0.direct && $0.span.contains(trigger) }?.speaker
    }

    /// Where the dateline that opens a sentence ends, for each sentence that has one: a place (and an agency) in
    /// capitalised words before a dash or a colon within its first eight words ("TEL AVIV --", "ALGIERS, Algeria -",
    /// "JERUSALEM (AP) --", "Lucknow:"), or a credit in parentheses ("(CNN) Italian police ...").
    static func datelineEnds(_ document: Document) -> [Int: Int] {
        var placeStarts: [Int: EntityType] = [:]
        for mention in document.mentions where mention.tokens.count > 0 { placeStarts[mention.tokens.lowerBound] = mention.type }
        var ends: [Int: Int] = [:]
        for (s, sentence) in document.sentences.enumerated() where sentence.tokens.count > 3 {
            let start = sentence.tokens.lowerBound
            if document.forms[start] == "(",
                let close = (start + 1..<min(start + 6, sentence.tokens.upperBound - 1)).first(where: { document.forms[$0] == ")" }),
                close > start + 1, (start + 1..<close).allSatisfy({ document.forms[$0].first?.isUppercase == true })
            {
                ends[s] = close
                continue
            }
            guard let type = placeStarts[start], type == .gpe || type == .loc else { continue }
            for t in start..<min(start + 8, sentence.tokens.upperBound - 1) {
                let form = document.forms[t]
                if form == ":" || (!form.isEmpty && form.allSatisfy { $0 == "-" || $0 == "—" || $0 == "–" }) {
                    ends[s] = t
                    break
                }
                guard form == "," || form == "(" || form == ")" || form == "." || form.first?.isUppercase == true else { break }
            }
        }
        return ends
    }

    /// Whether the verb at `k` is passive: "is being supplied", "was welcomed" (a participle after "be"; "is meeting" is
    /// active), and a participle joined to a passive one ("was tortured and killed").
    func isPassive(_ tokens: [Int], _ k: Int) -> Bool {
        guard k > 0, !tags[k].isGerund else { return false }
        if words.be.contains(form(tokens[k - 1])) || (k > 1 && words.be.contains(form(tokens[k - 2]))) { return true }
        return joinedParticiple(tokens, k).map { isPassive(tokens, $0) } ?? false
    }

    /// The participle that the participle at `k` is joined to ("tortured" of "was tortured and killed"), if any.
    func joinedParticiple(_ tokens: [Int], _ k: Int) -> Int? {
        k > 2 && tags[k].isPastParticiple && ["and", "or"].contains(form(tokens[k - 1])) && tags[k - 2].isPastParticiple ? k - 2 : nil
    }

    /// Whether a verb at `k` that needs an object has one: a noun phrase after it, or the passive's subject ("the
    /// paintings were returned to Italy").
    func hasObject(_ tokens: [Int], _ k: Int, after: Int) -> Bool { opensObject(tokens, after) || isPassive(tokens, k) }

    /// Whether the word at `k` opens a noun phrase: a determiner, a number, an adjective, a noun or a pronoun, not a
    /// preposition or an adverb ("returned the paintings", not "returned to Rome" nor "returned home").
    func opensObject(_ tokens: [Int], _ k: Int) -> Bool {
        guard k < tokens.count, !words.adverbialNouns.contains(form(tokens[k])) else { return false }
        let tag = tags[k]
        return tag.isDeterminer || tag.isNoun || tag.isAdjective || tag.isPronoun || tag.isNumber
    }

    /// A word used as a noun: after an article, a possessive or an adjective-like modifier ("the visit", "Shoigu's visit");
    /// not a word the tagger reads as a finite verb after a modifier that may be an adverb ("Lithuania first opened").
    func looksLikeNoun(_ tokens: [Int], _ k: Int) -> Bool {
        guard k > 0, words.nounMarkers.contains(form(tokens[k - 1])) else { return false }
        let marker = tags[k - 1]
        return marker.isDeterminer || marker.isPossessiveEnding || marker.isPossessivePronoun || marker.kind == .preposition
            || !(tags[k].isFiniteOrBaseVerb && !tags[k].isBaseVerb)
    }
}
