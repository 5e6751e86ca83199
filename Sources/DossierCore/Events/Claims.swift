/// Claims: what accusations, reports and speakers assert, and who denies it.
extension SentenceCoder {

    /// Claims, and who denies them. A claim is what an accusation or a report states ("accusations that ...",
    /// "accusations ... of X being ..."), what someone is accused of ("X accused Y of ..."), or what a speaker
    /// reports ("X said that ..."). A denial ("X denied", "X disputed Trump's explanation", "Moscow's denials")
    /// counts against every earlier claim that speaks of the denier and that the denier did not make.
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
        for quote in document.quotes where !quote.direct {
            add(quote.span, assertedBy: quote.speaker.map { [$0] } ?? [])
        }
        claims.sort { $0.span < $1.span }
        let reported = Set(document.quotes.filter { !$0.direct }.map(\.span))
        for denial in denials(events) {
            for i in claims.indices where claims[i].span.start < denial.at && !claims[i].deniedBy.contains(denial.denier) {
                let claim = claims[i]
                let fits: Bool
                if let asserter = denial.asserter {
                    // "disputed Trump's explanation": what Trump claimed.
                    fits = claim.assertedBy.contains(asserter)
                } else {
                    // "denied the accusations", "Moscow's denials": accusations that speak of the denier, made by another
                    // side (what a party says, not what a reporter writes).
                    let party = !reported.contains(claim.span) || claim.assertedBy.contains { document.entities[$0].country != nil }
                    fits = party && !claim.assertedBy.contains { sameSide($0, denial.denier) } && speaksOf(claim.span, denial.denier)
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
    }

    /// The denials of a document: denial events that point back at a claim ("denied the accusations", "disputed
    /// Trump's explanation", "a claim both Moscow and Pyongyang have denied"), and "Moscow's repeated denials".
    func denials(_ events: [Event]) -> [Denial] {
        var out: [Denial] = events.compactMap { event in
            guard ["016", "110", "120", "125"].contains(event.code), let source = event.source else { return nil }
            guard refersToClaim(after: event.trigger) || claimWordBefore(event.trigger) else { return nil }
            return Denial(denier: source, at: event.trigger.start, asserter: possessiveAfter(event.trigger))
        }
        out += discreditings()
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
        return document.quotes.compactMap { quote in
            guard let speaker = quote.speaker, let cue = quote.cue else { return nil }
            let s = document.sentences.partitionPoint { $0.span.end > cue.start }
            guard s < document.sentences.count, document.sentences[s].span.contains(cue) else { return nil }
            let sentence = document.sentences[s]
            let rejected =
                rejecting[s]
                ?? (rejects(sentence.tokens) && sentence.tokens.contains { has($0, .claimNoun) || has($0, .claimPronoun) })
            rejecting[s] = rejected
            return rejected ? Denial(denier: speaker, at: sentence.span.start, asserter: nil) : nil
        }
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

    /// Whether two entities are one or speak for one country.
    func sameSide(_ a: Int, _ b: Int) -> Bool {
        a == b || (document.entities[a].country != nil && document.entities[a].country == document.entities[b].country)
    }

    /// The entity named in a possessive right after a trigger ("disputed Trump's explanation": Trump).
    func possessiveAfter(_ trigger: Span) -> Int? {
        guard let index = document.tokens.firstIndex(where: { $0.span == trigger }) else { return nil }
        return document.mentions.indices.first { m in
            let mention = document.mentions[m]
            return mention.tokens.lowerBound > index && mention.tokens.lowerBound <= index + 2
                && mention.tokens.upperBound < document.tokens.count
                && form(mention.tokens.upperBound) == "'s"
        }.flatMap { entityOfMention[$0] }
    }

    /// Whether the words after a verb name a claim ("the accusations", "Trump's explanation", "it").
    func refersToClaim(after trigger: Span) -> Bool {
        guard let index = document.tokens.firstIndex(where: { $0.span == trigger }) else { return false }
        return ((index + 1)..<min(index + 5, document.tokens.count)).contains { has($0, .claimNoun) || has($0, .claimPronoun) }
    }

    /// Whether a claim word stands shortly before a trigger in its sentence ("a claim both X and Y have denied").
    func claimWordBefore(_ trigger: Span) -> Bool {
        guard let index = document.tokens.firstIndex(where: { $0.span == trigger }) else { return false }
        return (max(0, index - 8)..<index).contains { has($0, .claimNoun) }
    }

    /// Whether a claim's words name an entity or its country.
    func speaksOf(_ claim: Span, _ entity: Int) -> Bool {
        let country = document.entities[entity].country
        // The mentions that start inside the claim (mentions are in order).
        let first = document.mentions.partitionPoint { $0.span.start >= claim.start }
        let end = document.mentions[first...].partitionPoint { $0.span.start >= claim.end }
        return (first..<end).contains { m in
            guard claim.contains(document.mentions[m].span), let other = entityOfMention[m] else { return false }
            return other == entity || (country != nil && document.entities[other].country == country)
        }
    }
}
