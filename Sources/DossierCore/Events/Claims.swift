/// Claims: what accusations, reports and speakers assert, and who denies it.
extension SentenceCoder {

    /// Claims, and who denies them. A claim is what an accusation or a report states ("accusations that ...",
    /// "accusations ... of X being ..."), what someone is accused of ("X accused Y of ..."), what a verb lays at
    /// someone's door or calls its object ("linking the attacks to China", "condemned the launch as a missile test"), or
    /// what a speaker reports ("X said that ..."). A denial ("X denied", "X disputed Trump's explanation", "Moscow's
    /// denials") counts against every earlier claim that speaks of the denier and that the denier did not make; a
    /// rebuttal ("But X said there was no ...", "X says it was merely ...") against the claims of the two sentences
    /// before it that the other side made.
    func claims(events: [Event]) -> [Claim] {
        var claims: [Claim] = []
        func add(_ span: Span, assertedBy: [Int]) {
            guard span.length > 0, !claims.contains(where: { $0.span.contains(span) || span.contains($0.span) }) else { return }
            claims.append(Claim(span: span, assertedBy: assertedBy, deniedBy: []))
        }
        for sentence in document.sentences where document.blocks[sentence.block].role == .body {
            let tokens = Array(sentence.tokens)
            for (k, t) in tokens.enumerated() where has(t, .claimNoun) {
                // "accusations that CLAUSE", "accusations – and evidence – of X being ..."
                guard let opener = tokens[(k + 1)...].prefix(5).firstIndex(where: { form($0) == "that" || form($0) == "of" }) else {
                    continue
                }
                let start = opener + 1
                guard start < tokens.count else { continue }
                var end = start
                while end + 1 < tokens.count && ![",", ".", ";"].contains(form(tokens[end + 1])) { end += 1 }
                add(Span(document.tokens[tokens[start]].span.start, document.tokens[tokens[end]].span.end), assertedBy: [])
            }
        }
        for event in events where event.code == "112" {
            // "X accused Y of ...": what Y is accused of, from Y to the clause's end.
            guard let target = event.target, let sentence = document.sentences.first(where: { $0.span.contains(event.trigger) }),
                let start = document.mentions.indices.first(where: { m in
                    document.mentions[m].span.start > event.trigger.end && sentence.span.contains(document.mentions[m].span)
                        && entityOfMention[m] == target
                })
            else { continue }
            add(Span(document.mentions[start].span.start, sentence.span.end), assertedBy: event.source.map { [$0] } ?? [])
        }
        for framed in framedClaims(events) { add(framed.span, assertedBy: framed.assertedBy) }
        for quote in document.quotes where !quote.direct {
            add(quote.span, assertedBy: quote.speaker.map { [$0] } ?? [])
        }
        claims.sort { $0.span < $1.span }
        let reported = Set(document.quotes.filter { !$0.direct }.map(\.span))
        for denial in denials(events) {
            for i in claims.indices
            where claims[i].span.start < denial.at && claims[i].span.start >= denial.reach ?? 0
                && !claims[i].deniedBy.contains(denial.denier)
            {
                let claim = claims[i]
                let fits: Bool
                if let since = denial.since {
                    // A rebuttal: what the other side (not a reporter) said just before, of what the rebuttal speaks of.
                    fits =
                        claim.span.start >= since && claim.assertedBy.contains { !document.entities[$0].isNewsOutlet }
                        && !claim.assertedBy.contains { sameSide($0, denial.denier) }
                        && (denial.about.map { entities(in: $0).contains { speaksOf(claim.span, $0) } } ?? true)
                } else if let asserter = denial.asserter {
                    // "disputed Trump's explanation": what Trump claimed.
                    fits = claim.assertedBy.contains(asserter)
                } else {
                    // "denied the accusations", "Moscow's denials": accusations that speak of the denier, made by another
                    // side (what a party says, not what a reporter writes).
                    let party = !reported.contains(claim.span) || claim.assertedBy.contains { document.entities[$0].country != nil }
                    fits =
                        party && !claim.assertedBy.contains { sameSide($0, denial.denier) } && speaksOf(claim.span, denial.denier)
                        && !reportsCooperation(claim.span, of: denial.denier, events)
                }
                if fits { claims[i].deniedBy.append(denial.denier) }
            }
        }
        return claims
    }

    /// A denial: who denies, where, and whose claim when the text names it ("disputed Trump's explanation").
    struct Denial {
        var denier: Int
        var at: Int
        var asserter: Int?
        /// For a rebuttal, where the claims it answers may start: it answers what was just said, by whomever.
        var since: Int? = nil
        /// For a rebuttal that does not point back with "it", its words: a claim it answers names one of their actors.
        var about: Span? = nil
        /// For a denial that names the act rather than the claim, where the claims it may answer start.
        var reach: Int? = nil
    }

    /// The denials of a document: denial events that point back at a claim ("denied the accusations", "disputed
    /// Trump's explanation", "a claim both Moscow and Pyongyang have denied"), and "Moscow's repeated denials".
    func denials(_ events: [Event]) -> [Denial] {
        var out: [Denial] = events.compactMap { event in
            guard holds(.denials, event.code), let source = event.source,
                let index = tokenIndex(of: event.trigger)
            else { return nil }
            if refersToClaim(after: index) || claimWordBefore(index) {
                return Denial(denier: source, at: event.trigger.start, asserter: possessiveAfter(index))
            }
            // "Tehran denied supplying weapons": what was said of Tehran in the sentences just before.
            guard namesDeniedAct(after: index) else { return nil }
            let s = document.sentences.partitionPoint { $0.span.end > event.trigger.start }
            return Denial(denier: source, at: event.trigger.start, asserter: nil, reach: document.sentences[max(0, s - 3)].span.start)
        }
        out += discreditings()
        out += rebuttals()
        out += spokespeople(of: out)
        for (m, mention) in document.mentions.enumerated() {
            guard let entity = entityOfMention[m], mention.tokens.upperBound + 1 < document.tokens.count,
                form(mention.tokens.upperBound) == "'s"
            else { continue }
            let next = (mention.tokens.upperBound + 1)..<min(mention.tokens.upperBound + 3, document.tokens.count)
            if next.contains(where: { ["denial", "denials"].contains(form($0)) }) {
                out.append(Denial(denier: entity, at: mention.span.start, asserter: nil))
            }
        }
        return out
    }

    /// Speakers who reject what is said of them: "Lavrov said Russia had seen no proof for the \"slanderous\"
    /// accusation", "called the reports baseless".
    func discreditings() -> [Denial] {
        // Each sentence is read once, however many quotes it holds.
        var rejecting: [Int: Bool] = [:]
        var out: [Denial] = document.quotes.compactMap { quote in
            guard let speaker = quote.speaker, let s = sentence(ofCue: quote) else { return nil }
            let sentence = document.sentences[s]
            let rejected =
                rejecting[s]
                ?? (rejects(sentence.tokens) && sentence.tokens.contains { has($0, .claimNoun) || has($0, .claimPronoun) })
            rejecting[s] = rejected
            return rejected ? Denial(denier: speaker, at: sentence.span.start, asserter: nil) : nil
        }
        // "New Delhi called the allegation absurd", "Tehran dismissed the reports as lies": with no verb of saying, the
        // sentence's subject discredits a claim it names, in that order, each a few words after the other.
        for (s, sentence) in document.sentences.enumerated() where rejecting[s] == nil && document.blocks[sentence.block].role == .body {
            // The subject opens the sentence, an article or a "But" aside (the sentence's tags are not read here).
            let opener = form(sentence.tokens.lowerBound)
            let start = sentence.tokens.lowerBound + (words.contrasts.contains(opener) || words.patternDeterminers.contains(opener) ? 1 : 0)
            guard let subject = actorsBySentence[s].first, first(subject.mention) <= start,
                let verb = ((last(subject.mention) + 1)..<min(last(subject.mention) + 5, sentence.tokens.upperBound))
                    .first(where: { words.discreditingVerbs.contains(form($0)) }),
                let noun = ((verb + 1)..<min(verb + 5, sentence.tokens.upperBound)).first(where: { has($0, .claimNoun) }),
                ((noun + 1)..<min(noun + 5, sentence.tokens.upperBound)).contains(where: { has($0, .discrediting) })
            else { continue }
            out.append(Denial(denier: subject.entity, at: sentence.span.start, asserter: nil))
        }
        return out
    }

    /// Speakers who answer what was just said: a sentence that opens with a contrast and reports a negation ("But
    /// Ebell said there would be no change"), or words that play it down ("Pyongyang says it was merely a peaceful
    /// effort").
    func rebuttals() -> [Denial] {
        document.quotes.compactMap { quote in
            guard !quote.direct, let speaker = quote.speaker, let s = sentence(ofCue: quote) else { return nil }
            let sentence = document.sentences[s]
            let words = tokens(of: quote)
            let contrasted =
                words.contains { has($0, .negation) }
                && (sentence.tokens.prefix(2).contains { self.words.contrasts.contains(form($0)) })
            let playedDown = words.prefix(6).contains { i in
                i > words.lowerBound && self.words.rebuttals.contains(form(i)) && self.words.be.contains(form(i - 1))
            }
            guard contrasted || playedDown else { return nil }
            return Denial(
                denier: speaker, at: sentence.span.start, asserter: nil, since: document.sentences[max(0, s - 2)].span.start,
                about: playedDown ? nil : quote.span)
        }
    }

    /// The sentence that holds a quote's verb of saying.
    func sentence(ofCue quote: Quote) -> Int? {
        guard let cue = quote.cue else { return nil }
        let s = document.sentences.partitionPoint { $0.span.end > cue.start }
        return s < document.sentences.count && document.sentences[s].span.contains(cue) ? s : nil
    }

    /// The tokens of a quote's words.
    func tokens(of quote: Quote) -> Range<Int> {
        let first = document.tokens.partitionPoint { $0.span.start >= quote.span.start }
        let end = document.tokens[first...].partitionPoint { $0.span.start >= quote.span.end }
        return first..<end
    }

    /// The claims a verb states about its object ("linking cyberattacks to Chinese authorities", "condemned the launch
    /// as a test of a missile"): from the object to the clause's end, asserted by the verb's subject (the source of its
    /// event, else the nearest actor named before it in the sentence). A verb right before its word or a preposition
    /// has no object ("were linked to China", "described by the Times as ...").
    func framedClaims(_ events: [Event]) -> [(span: Span, assertedBy: [Int])] {
        var claims: [(span: Span, assertedBy: [Int])] = []
        for (s, sentence) in document.sentences.enumerated() where document.blocks[sentence.block].role == .body {
            for verb in sentence.tokens where has(verb, .claimFrame) {
                guard let closers = words.claimFrames[form(verb)], verb + 1 < sentence.tokens.upperBound,
                    !closers.contains(form(verb + 1)), !words.objectBlockers.contains(form(verb + 1))
                else { continue }
                let end = ((verb + 1)..<sentence.tokens.upperBound).first { [",", ".", ";"].contains(form($0)) }
                let clause = (verb + 1)..<(end ?? sentence.tokens.upperBound)
                guard clause.count > 2, clause.dropFirst().dropLast().contains(where: { closers.contains(form($0)) }) else { continue }
                let trigger = document.tokens[verb].span
                let asserter =
                    events.first { $0.trigger == trigger }?.source
                    ?? actorsBySentence[s].last { document.mentions[$0.mention].tokens.upperBound <= verb }?.entity
                claims.append(
                    (
                        Span(document.tokens[clause.lowerBound].span.start, document.tokens[clause.upperBound - 1].span.end),
                        asserter.map { [$0] } ?? []
                    ))
            }
        }
        return claims
    }

    /// The claims whose speaker negates a fact in them ("North Korea said its pledge was not the result of sanctions",
    /// "Moscow said its troops were not involved"): the speaker denies the claim rather than makes it.
    func negatedReports(_ claims: [Claim]) -> [Claim] {
        var reports: [Span: Quote] = [:]
        for quote in document.quotes where !quote.direct && quote.speaker != nil { reports[quote.span] = quote }
        return claims.map { claim in
            guard let quote = reports[claim.span], let speaker = quote.speaker, negatesFact(tokens(of: quote)) else { return claim }
            var denied = claim
            denied.assertedBy.removeAll { $0 == speaker }
            if !denied.deniedBy.contains(speaker) { denied.deniedBy.append(speaker) }
            return denied
        }
    }

    /// Whether words negate a fact in their main clause: "was not", "is not" before a word of ``EventWords/deniedFacts``
    /// ("was not the result", "were not involved"), before any word that opens another clause ("said the talks that
    /// were not the result ..." negates nothing it reports). Other negations mostly tell of the speaker's mind or plans
    /// ("did not know", "has not decided").
    func negatesFact(_ tokens: Range<Int>) -> Bool {
        for i in tokens.dropLast(2) {
            let word = form(i)
            if words.clauseEnds.contains(word) || words.hypothetical.contains(word) { return false }
            if words.be.contains(word) && has(i + 1, .negation) { return words.deniedFacts.contains(form(i + 2)) }
        }
        return false
    }

    /// Whether a sentence's words reject something as untrue ("slanderous", "baseless", "no proof").
    func rejects(_ tokens: Range<Int>) -> Bool {
        tokens.contains { i in
            has(i, .discrediting) || (has(i, .evidence) && (max(tokens.lowerBound, i - 2)..<i).contains { has($0, .negation) })
        }
    }

    /// People who speak for a country or body that denied a claim, in the next sentences ("North Korea disputed
    /// Trump's explanation. ... the North Korean foreign minister, Ri Yong Ho, said ..."): they deny it too.
    func spokespeople(of denials: [Denial]) -> [Denial] {
        denials.flatMap { denial -> [Denial] in
            let denier = document.entities[denial.denier]
            guard denier.type != .person, let country = denier.country,
                let first = document.sentences.firstIndex(where: { $0.span.end > denial.at })
            else { return [] }
            let following = document.sentences[first...].prefix(3).map(\.span)
            return document.quotes.compactMap { quote in
                guard let speaker = quote.speaker, speaker != denial.denier, let cue = quote.cue,
                    following.contains(where: { $0.contains(cue) }), document.entities[speaker].type == .person,
                    document.entities[speaker].country == country
                else { return nil }
                return Denial(denier: speaker, at: denial.at, asserter: denial.asserter)
            }
        }
    }

    /// Whether a claim reports cooperation of a side (CAMEO roots 01 to 06: statements, appeals, intents, meetings,
    /// diplomatic and material cooperation): a side denies accusations, not that it met, talked or wrote ("he had a
    /// productive meeting with Putin" is no claim that Moscow's denials answer; "denied meeting him" names the act).
    func reportsCooperation(_ claim: Span, of side: Int, _ events: [Event]) -> Bool {
        events.contains { event in
            claim.contains(event.trigger) && holds(.cooperation, event.code)
                && [event.source, event.target].contains { $0.map { sameSide($0, side) } == true }
        }
    }

    /// Whether two entities are one or speak for one country.
    func sameSide(_ a: Int, _ b: Int) -> Bool {
        a == b || (document.entities[a].country != nil && document.entities[a].country == document.entities[b].country)
    }

    /// The entity named in a possessive right after the trigger at token `index` ("disputed Trump's explanation": Trump).
    func possessiveAfter(_ index: Int) -> Int? {
        return document.mentions.indices.first { m in
            let mention = document.mentions[m]
            return mention.tokens.lowerBound > index && mention.tokens.lowerBound <= index + 2
                && mention.tokens.upperBound < document.tokens.count
                && form(mention.tokens.upperBound) == "'s"
        }.flatMap { entityOfMention[$0] }
    }

    /// Whether the words after the verb at token `index` name a claim ("the accusations", "Trump's explanation", "it").
    func refersToClaim(after index: Int) -> Bool {
        return ((index + 1)..<min(index + 5, document.tokens.count)).contains { has($0, .claimNoun) || has($0, .claimPronoun) }
    }

    /// The index of the token whose span a trigger is, found by its start.
    func tokenIndex(of trigger: Span) -> Int? {
        let index = document.tokens.partitionPoint { $0.span.start >= trigger.start }
        return index < document.tokens.count && document.tokens[index].span == trigger ? index : nil
    }

    /// Whether the denial at token `index` names the act it denies: a gerund or a noun of involvement after it, perhaps after "any" or
    /// "having" ("Tehran denied supplying any weapons", "denies any involvement"). It then denies what was said of the
    /// denier, as "denied the accusations" does.
    func namesDeniedAct(after index: Int) -> Bool {
        var next = index + 1
        if next < document.tokens.count, words.denialOpeners.contains(form(next)) { next += 1 }
        guard next < document.tokens.count else { return false }
        let word = form(next)
        return has(next, .deniedAct) || (word.count > 5 && word.hasSuffix("ing") && !word.hasSuffix("thing"))
    }

    /// Whether a claim word stands shortly before the trigger at token `index` ("a claim both X and Y have denied").
    func claimWordBefore(_ index: Int) -> Bool {
        return (max(0, index - 8)..<index).contains { has($0, .claimNoun) }
    }

    /// Whether a claim's words name an entity or its country.
    func speaksOf(_ claim: Span, _ entity: Int) -> Bool {
        let country = document.entities[entity].country
        return entities(in: claim).contains { $0 == entity || (country != nil && document.entities[$0].country == country) }
    }

    /// The entities named within a span.
    func entities(in span: Span) -> [Int] {
        // The mentions that start inside the span (mentions are in order).
        let first = document.mentions.partitionPoint { $0.span.start >= span.start }
        let end = document.mentions[first...].partitionPoint { $0.span.start >= span.end }
        return (first..<end).compactMap { m in span.contains(document.mentions[m].span) ? entityOfMention[m] : nil }
    }
}
