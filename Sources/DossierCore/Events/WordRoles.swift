/// Who did what to whom from the words around a trigger: the subject before it, titles, pairs, coordination and
/// apposition, the targets its pattern's slots name.
extension SentenceCoder {
    /// Sources and target of a trigger at `k`, from the words around it.
    func wordRoles(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, _ after: Int, _ actors: [(mention: Int, entity: Int)],
        _ previousSubject: [Int], objectOfEvent: Bool
    ) -> ([Int?], [Int]) {
        let triggerToken = tokens[k]
        let passive = !pattern.isNoun && !isFelt(pattern, tokens, k) && (isPassive(tokens, k) || isReducedPassive(tokens, k, actors))
        // "was tortured and killed": the clause of the first participle, whose subject both share.
        let clauseStart = clauseStart(tokens, passive ? joinedParticiple(tokens, k) ?? k : k)
        let clauseEnd = clauseEnd(tokens, after)
        func heads(_ list: [(mention: Int, entity: Int)]) -> [(mention: Int, entity: Int)] {
            // Drop modifiers: a nationality or a possessive before another actor ("Russia's Defence Minister Sergei Shoigu",
            // "his counterpart Imran Khan"), not coordinated to it ("Nigerian and British forces"), nor its verb's subject
            // ("the Iraqi army took over Kirkuk"), nor the owner of a noun whose phrase names the other ("Israel's attack on
            // Gaza").
            list.filter { actor in
                let end = last(actor.mention)
                let next = end + 1 < document.tokens.count ? document.forms[end + 1] : ""
                let mention = document.mentions[actor.mention]
                let modifier =
                    mention.kind == .demonym || next == "'s" || next == "'"
                    || (mention.kind == .pronoun && end >= tokens[0] && tags[end - tokens[0]].isPossessivePronoun)
                return
                    !(modifier
                    && list.contains {
                        $0.mention != actor.mention && first($0.mention) > end && first($0.mention) <= end + 4
                            && !(next == "and" && joins(Array((end + 1)..<first($0.mention))))
                            && !((end + 1)..<first($0.mention)).contains {
                                tags[$0 - tokens[0]].isVerb || tags[$0 - tokens[0]].isPreposition
                            }
                    })
                    && !attachedToPerson(actor.mention, list) && !titles(actor.mention, list)
            }
        }
        let before = heads(actors.filter { first($0.mention) >= clauseStart && last($0.mention) < triggerToken })
        let afterTrigger = heads(
            actors.filter { first($0.mention) >= tokens[min(after, tokens.count - 1)] && first($0.mention) <= clauseEnd })

        if pattern.isNoun {
            // "X's visit to Y", "a visit by X to Y", "talks between X and Y", "accusations against Y".
            var source: Int?
            // The owner, a noun or two aside ("the North's rocket launch").
            if k > 0, let s = (max(1, k - 3)..<k).last(where: { form(tokens[$0]) == "'s" }),
                ((s + 1)..<k).allSatisfy({ tags[$0].isNoun || tags[$0].isAdjective }),
                let owner = actors.last(where: { last($0.mention) == tokens[s - 1] })
            {
                source = owner.entity
            }
            // A nationality before it, adjectives and nouns aside ("the Ugandan incursion", "Russian air strikes"); before aid
            // or sanctions, which it may receive ("Afghan aid", "Iranian sanctions"), only where a phrase after the noun names
            // whom they are for, and then any name ("U.S. sanctions against Moscow").
            let receiverNamed =
                after < tokens.count && pattern.targets.contains(form(tokens[after]))
                && afterTrigger.contains { first($0.mention) == tokens[after] + 1 }
            let receives = holds(.received, pattern.code)
            if source == nil, !receives || receiverNamed,
                let demonym = actors.last(where: {
                    (document.mentions[$0.mention].kind == .demonym || receives) && last($0.mention) < triggerToken
                        && last($0.mention) >= triggerToken - 3
                }),
                ((last(demonym.mention) + 1 - tokens[0])..<k).allSatisfy({ tags[$0].isAdjective || tags[$0].isNoun })
            {
                source = demonym.entity
            }
            // "blamed Russia for the attack", "accused Iran of the bombing": the one accused did it.
            if source == nil { source = accused(ofNounAt: k, tokens, actors) }
            // "a visit by X", "attacks on Y by X"; not the agent of a verb after it ("assistance to people impacted by
            // flooding in Malawi"), nor of another noun further on ("talks with Yemen days after the intervention by Saudi
            // Arabia").
            if source == nil, let by = index(of: "by", in: tokens, from: after, to: clauseEnd), by - triggerToken <= 8,
                !((tokens[after])..<by).contains(where: {
                    tags[$0 - tokens[0]].isVerb || (words.boundaries.contains(form($0)) && ![",", "and"].contains(form($0)))
                })
            {
                source = afterTrigger.first { first($0.mention) > by }?.entity
            }
            // "talks between X and Y", "talks between the defence ministers of X and Y", and for a noun of acts done
            // together "a meeting of the foreign ministers of X and Y": each acts with the other.
            if source == nil, after < tokens.count,
                form(tokens[after]) == "between" || (form(tokens[after]) == "of" && pattern.targets.contains("between"))
            {
                let opening = tokens[after]
                let pair = afterTrigger.filter { first($0.mention) > opening }
                if pair.count >= 2,
                    (form(opening) == "between" && first(pair[0].mention) <= opening + 3)
                        || representatives(from: opening + 1, to: first(pair[0].mention), tokens),
                    joins(Array((last(pair[0].mention) + 1)..<first(pair[1].mention)))
                {
                    return ([pair[0].entity, pair[1].entity], [])
                }
            }

            // "Comey was under investigation", "the town came under attack": who is under the act is its target; only a
            // "by" or "from" phrase names who does it ("under withering criticism from Democrats").
            if source == nil, let under = (max(0, k - 3)..<k).last(where: { form(tokens[$0]) == "under" }),
                ((under + 1)..<k).allSatisfy({ tags[$0].isAdjective || tags[$0].isAdverb }), let patient = before.last
            {
                let from =
                    (index(of: "by", in: tokens, from: after, to: clauseEnd) ?? index(of: "from", in: tokens, from: after, to: clauseEnd))
                    .flatMap { word in afterTrigger.first { first($0.mention) > word && $0.entity != patient.entity } }
                return ([from?.entity], [patient.entity])
            }
            // "accusations from Kenya", "an invitation from the Nigerian government": a "from" phrase right after the noun
            // names its author where the pattern reads no target there; the clause's subject, if it does not act, receives
            // it ("Uganda faced accusations from Kenya").
            if source == nil, after < tokens.count, form(tokens[after]) == "from", !pattern.targets.contains("from"),
                let author = afterTrigger.first(where: { first($0.mention) > tokens[after] && first($0.mention) <= tokens[after] + 4 })
            {
                let others = afterTrigger.filter { $0.entity != author.entity }
                var targets = nounTargets(pattern, tokens, after, clauseEnd, others, actors)
                if targets.isEmpty, let subject = before.last, subject.entity != author.entity,
                    !subjectActs(onNounAt: k, tokens, after: last(subject.mention))
                {
                    targets = [subject.entity]
                }
                return ([author.entity], targets)
            }
            // A noun that is the object of a verb that makes its subject act ("extended an invite", "held talks", "began an
            // offensive") takes the clause's subject, all of it ("Obama and Xi will hold talks"); the object of any other
            // verb does not ("said the launch was a provocation").
            // The object of another event's verb is no act of its subject ("condemned the launch").
            // No actor is its own counterpart: "German police opened an investigation into Germany defender Metzelder".
            // A subject set off from its verb by an aside counts ("Sidhoum, an activist, staged a hunger strike").
            let subjects = before.isEmpty ? subjectBeforeAside(clauseStart, tokens, actors) : before
            if source == nil, let subject = subjects.last, !objectOfEvent, subjectActs(onNounAt: k, tokens, after: last(subject.mention)) {
                let sources = coordinated(subjects)
                let others = afterTrigger.filter { !sources.contains($0.entity) }
                return (sources, nounTargets(pattern, tokens, after, clauseEnd, others, actors))
            }
            let others = afterTrigger.filter { $0.entity != source }
            return (source.map { [$0] } ?? [], nounTargets(pattern, tokens, after, clauseEnd, others, actors))
        }
        if passive {
            // "Russia is being supplied with arms by North Korea": the agent after "by" is the source.
            let agent = index(of: "by", in: tokens, from: after, to: tokens.last!).flatMap { by in
                actors.first { first($0.mention) > by }?.entity
            }
            guard let patient = before.last else { return ([agent], []) }
            // "The EU's move was welcomed": the EU owns what was acted on; it is no counterpart a visit or a host needs.
            let owner = last(patient.mention) + 1 < document.tokens.count && form(last(patient.mention) + 1) == "'s"
            return ([agent], owner && pattern.targetRequired ? [] : [patient.entity])
        }
        var sources: [Int?] = subject(before, tokens, k)
        if let pair = pairReference(before, tokens, k) { sources = pair }
        if sources.isEmpty {
            // "Trump, who plans to meet Kim": the relative clause's subject is the actor it describes.
            sources = antecedent(ofClauseAt: clauseStart, heads(actors))
        }
        if sources.isEmpty {
            // A verb sharing the subject of the one before ("Kim showed ... and briefed him"), else the apposition set off
            // by commas just before it ("Trump's adviser, John Bolton, met"; a participle after a comma has the sentence's
            // subject: "torched a village in Cameroon's Far North Region, killing ..."), else the sentence's first actor
            // (who stands before an aside: "Reagan, in a meeting with Mulroney, agreed").
            let earlier = heads(actors.filter { last($0.mention) < triggerToken })
            if !previousSubject.isEmpty {
                sources = previousSubject
            } else if let apposition = earlier.last, last(apposition.mention) + 2 == triggerToken, form(triggerToken - 1) == ",",
                first(apposition.mention) > tokens[0], form(first(apposition.mention) - 1) == ",", !tags[k].isGerund,
                !opensWithPreposition(asideOf: apposition.mention, tokens)
            {
                sources = [apposition.entity]
            } else {
                sources = earlier.prefix(1).map(\.entity)
            }
        }
        // No actor is its own counterpart ("Turkish police detained the Turkey head of Amnesty International").
        let sourceEntities = sources.compactMap { $0 }
        var found = targets(pattern, tokens, after, clauseEnd, afterTrigger.filter { !sourceEntities.contains($0.entity) })
        // "agreed to lend $1 billion to Indonesia, ... with its neighbours", "offered to send troops to Iraq": an agreement
        // or an offer (03) whose object is an infinitive is made to whom the infinitive's phrase names, before any comma;
        // a refusal is not ("declined to comment on NBC's report").
        if holds(.intends, pattern.code), let phrase = infinitivePhrase(tokens, k) {
            let own = afterTrigger.filter { phrase.contains(first($0.mention)) && !sourceEntities.contains($0.entity) }
            if let object = own.first, !own.contains(where: { found.contains($0.entity) }) {
                found = coordinated(Array(own.drop { $0.mention != object.mention }))
            }
        }
        if found.isEmpty, pattern.targets.contains("_"), after < tokens.count, form(tokens[after]) == "that",
            let object = actors.first(where: { first($0.mention) > tokens[after] && first($0.mention) <= tokens[after] + 3 })
        {
            // "demanded that Russia end its support": the one the demand is on.
            found = [object.entity]
        }
        return (sources, found)
    }

    /// Whether a trigger at `k` names what its subject feels, not a passive: an adjective after "be" whose pattern's
    /// targets all follow a preposition ("is furious with Japan"; others read as one: "is welcome", welcomed), or such a
    /// participle of feeling (``EventWords/felt``: "is angered at the U.S.", "was outraged by the attack").
    func isFelt(_ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int) -> Bool {
        (tags[k].isAdjective || words.felt.contains(form(tokens[k]))) && !pattern.targets.isEmpty
            && pattern.targets.allSatisfy { !["_", "=", "-"].contains($0) }
    }

    /// Whether the subject of a clause, ending at document token `subjectEnd`, does the act that a noun trigger at `k`
    /// names: no verb stands between them ("Russia's ...", "the US is in talks"), or the nearest is one whose object
    /// names its subject's act ("held talks", "began an offensive", "wants talks"). After any other verb the noun is
    /// what the subject speaks of or meets ("said the launch was a provocation", "described the visit as a success").
    func subjectActs(onNounAt k: Int, _ tokens: [Int], after subjectEnd: Int) -> Bool {
        var i = k - 1
        while i >= 0, tokens[i] > subjectEnd {
            // A participle describing the noun ("the planned visit") is no verb of the clause.
            if tags[i].isVerb,
                !((tags[i].isPastParticiple || tags[i].isGerund)
                    && ((i + 1)..<k).allSatisfy { tags[$0].isAdjective || tags[$0].isNoun })
            {
                return namesOwnAct(form(tokens[i]))
            }
            i -= 1
        }
        return true
    }

    /// Whether a verb's object noun names the act of the verb's subject: a light verb, or one of engaging, intending,
    /// refusing, cutting or cancelling, or an auxiliary ("is in talks").
    func namesOwnAct(_ verb: String) -> Bool {
        words.lightVerbs.contains(verb) || words.engaging.contains(verb) || words.intent.contains(verb) || words.refusal.contains(verb)
            || words.reducing.contains(verb) || words.cancelling.contains(verb) || words.auxiliaries.contains(verb)
    }

    /// The targets of a noun trigger: where its pattern says, else for a claim the one it is about ("accusations that
    /// Russia is being supplied ...").
    func nounTargets(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ after: Int, _ clauseEnd: Int, _ afterTrigger: [(mention: Int, entity: Int)],
        _ actors: [(mention: Int, entity: Int)]
    ) -> [Int] {
        let found = targets(pattern, tokens, after, clauseEnd, afterTrigger)
        // "talks that could shape relations": a relative "that" (a verb follows) opens no claim.
        if found.isEmpty, after + 1 < tokens.count, form(tokens[after]) == "that",
            !(tags[after + 1].isVerb || tags[after + 1].isModal),
            let about = actors.first(where: { first($0.mention) > tokens[after] })
        {
            return [about.entity]
        }
        return found
    }

    /// The subject of the verb at `k`: the actor just before its verb group, with those coordinated to it ("the U.S. says
    /// Assad's government carried out", "Congress didn't think Trump should meet"), else the clause's first actor that
    /// no preposition but "by" governs ("fired from Nickelodeon after women lodged complaints" is no act of Nickelodeon's;
    /// "arms used by China to threaten Taiwan" is China's).
    func subject(_ before: [(mention: Int, entity: Int)], _ tokens: [Int], _ k: Int) -> [Int] {
        guard
            let nearest = before.last(where: { actor in
                !inPrepositionalPhrase(actor.mention, tokens)
                    && ((last(actor.mention) + 1)..<tokens[k]).allSatisfy { t in
                        let tag = tags[t - tokens[0]]
                        return !tag.isVerb || words.auxiliaries.contains(form(t))
                    }
            })
        else {
            return coordinated(Array(before.drop { inPrepositionalPhrase($0.mention, tokens) && !afterBy($0.mention, tokens) }))
        }
        return chain(ending: nearest, in: before)
    }

    /// The words of the infinitive that is the object of the verb at `k` ("agreed to lend $1 billion to Indonesia"), after
    /// its verb and up to a comma or the clause's end (document token indices).
    func infinitivePhrase(_ tokens: [Int], _ k: Int) -> ClosedRange<Int>? {
        guard k + 2 < tokens.count, form(tokens[k + 1]) == "to", tags[k + 2].isBaseVerb else { return nil }
        let start = k + 3
        guard start < tokens.count else { return nil }
        let end = tokens[start...].firstIndex { [",", ";", ":"].contains(form($0)) || words.clauseEnds.contains(form($0)) } ?? tokens.count
        return end > start ? tokens[start]...tokens[end - 1] : nil
    }

    /// Whether the words set off by commas that hold an actor open with a preposition: an aside, no apposition ("Reagan,
    /// in a meeting with Mulroney, agreed").
    func opensWithPreposition(asideOf mention: Int, _ tokens: [Int]) -> Bool {
        let start = first(mention) - tokens[0]
        guard start > 0, let comma = (0..<start).last(where: { form(tokens[$0]) == "," }), comma + 1 < start else { return false }
        return tags[comma + 1].isPreposition
    }

    /// The actor accused of the act a noun at `k` names: the object of a verb of accusing, before "of" or "for" and the
    /// noun's article and modifiers ("blamed Russia for the deadly attack").
    func accused(ofNounAt k: Int, _ tokens: [Int], _ actors: [(mention: Int, entity: Int)]) -> Int? {
        var j = k - 1
        while j > 0, tags[j].isDeterminer || tags[j].isAdjective || tags[j].isPossessivePronoun { j -= 1 }
        guard j > 1, ["of", "for"].contains(form(tokens[j])),
            let actor = actors.last(where: { last($0.mention) == tokens[j - 1] }), first(actor.mention) > tokens[0],
            words.alleged.contains(form(first(actor.mention) - 1))
        else { return nil }
        return actor.entity
    }

    /// The sentence's first actor, where the clause that opens at `clauseStart` follows an aside set off by commas right
    /// after it and no preposition governs it ("Sidhoum, an activist, staged ..."; not the aside's own clause: "Johnson,
    /// in a meeting with Macron, agreed"); else none.
    func subjectBeforeAside(_ clauseStart: Int, _ tokens: [Int], _ actors: [(mention: Int, entity: Int)]) -> [(mention: Int, entity: Int)] {
        guard clauseStart > tokens[0], form(clauseStart - 1) == ",", let first = actors.first,
            last(first.mention) + 2 < clauseStart - 1, form(last(first.mention) + 1) == ",",
            !inPrepositionalPhrase(first.mention, tokens)
        else { return [] }
        return [first]
    }

    /// Whether an actor is the object of a preposition ("was in India visiting"): no subject. A word that opens a clause
    /// is no preposition ("even if the US seeks talks", "because Russia refused").
    func inPrepositionalPhrase(_ mention: Int, _ tokens: [Int]) -> Bool {
        guard let i = wordBefore(mention, tokens), tags[i].isPreposition else { return false }
        let word = form(tokens[i])
        return !words.hypothetical.contains(word) && !words.boundaries.contains(word)
    }

    /// Whether "by" governs an actor ("used by China").
    func afterBy(_ mention: Int, _ tokens: [Int]) -> Bool {
        wordBefore(mention, tokens).map { form(tokens[$0]) == "by" } ?? false
    }

    /// The sentence index of the word before an actor's mention, its article aside.
    func wordBefore(_ mention: Int, _ tokens: [Int]) -> Int? {
        var i = first(mention) - 1 - tokens[0]
        if i >= 0, tags[i].isDeterminer { i -= 1 }
        return i >= 0 ? i : nil
    }

    /// An actor with the actors coordinated to it before it ("Kim Jong Un and South Korean President Moon Jae-in").
    func chain(ending last: (mention: Int, entity: Int), in before: [(mention: Int, entity: Int)]) -> [Int] {
        var chain = [last]
        for actor in before.reversed() where self.last(actor.mention) < first(chain[0].mention) {
            guard joins(Array((self.last(actor.mention) + 1)..<first(chain[0].mention))) else { break }
            chain.insert(actor, at: 0)
        }
        var out: [Int] = []
        for actor in chain where !out.contains(actor.entity) { out.append(actor.entity) }
        return out
    }

    /// The subject of a clause: its first actor, with those coordinated to it by "and" ("German Chancellor Gerhard
    /// Schroeder and French President Jacques Chirac").
    func coordinated(_ before: [(mention: Int, entity: Int)]) -> [Int] {
        guard let head = before.first else { return [] }
        var out = [head.entity]
        var end = last(head.mention)
        // "leaders from France to Germany to NATO officials": an enumeration.
        let enumeration = first(head.mention) > 0 && form(first(head.mention) - 1) == "from"
        for actor in before.dropFirst() {
            guard first(actor.mention) > end else { continue }
            let gap = Array((end + 1)..<first(actor.mention))
            guard joins(gap) || (enumeration && gap.count == 1 && form(gap[0]) == "to") else { break }
            if !out.contains(actor.entity) { out.append(actor.entity) }
            end = last(actor.mention)
        }
        return out
    }

    /// Whether the words between two actors coordinate them: "and", ",", ", and", then at most a few capitalised title
    /// words ("and French President"); an "of" phrase may hang on the first ("Obama of the United States and Xi").
    /// Whether the words from `start` up to the actor at `end` name people of that actor: a determiner, adjectives and a
    /// plural noun, then "of" ("the foreign ministers of", "senior officials of").
    func representatives(from start: Int, to end: Int, _ tokens: [Int]) -> Bool {
        guard end - start >= 2, end - start <= 5, form(end - 1) == "of" else { return false }
        let words = (start..<(end - 1)).map { tags[$0 - tokens[0]] }
        guard let head = words.last, head.isPluralNoun, head.isCommonNoun else { return false }
        return words.dropLast().allSatisfy { $0.isDeterminer || $0.isAdjective || $0.isCommonNoun }
    }

    func joins(_ gap: [Int]) -> Bool {
        var rest = gap[...]
        if let of = rest.first, form(of) == "of", let conjunction = rest.firstIndex(where: { ["and", ","].contains(form($0)) }),
            conjunction - of <= 5
        {
            rest = rest[conjunction...]
        }
        guard let conjunction = rest.first, ["and", ","].contains(form(conjunction)) else { return false }
        rest = rest.dropFirst()
        if form(conjunction) == ",", let next = rest.first, form(next) == "and" { rest = rest.dropFirst() }
        // Title words: capitalised, or nouns and adjectives ("and main opposition contender Moon Jae-in").
        let sentenceStart = document.sentences.first { $0.tokens.contains(conjunction) }?.tokens.lowerBound ?? 0
        return rest.count <= 4
            && rest.allSatisfy { t in
                let tag = t - sentenceStart < tags.count ? tags[t - sentenceStart] : PartOfSpeech("")
                return
                    (document.forms[t].unicodeScalars.first?.properties.isUppercase == true || tag.isNoun
                    || tag.isAdjective || form(t) == "the" || tag.isPossessivePronoun) && !words.boundaries.contains(form(t))
            }
    }

    /// An actor that opens a person's title ("Tory leader Michael Howard", "U.S. Secretary of State Rex Tillerson"):
    /// only the title's words, capitalised words and "of" stand between it and the person.
    func titles(_ mention: Int, _ list: [(mention: Int, entity: Int)]) -> Bool {
        let end = last(mention)
        guard let person = list.first(where: { first($0.mention) > end + 1 && first($0.mention) <= end + 5 }),
            document.mentions[person.mention].type == .person
        else { return false }
        let roleWords = Set((document.mentions[person.mention].role ?? "").lowercased().split(separator: " ").map(String.init))
        return ((end + 1)..<first(person.mention)).allSatisfy { t in
            let word = form(t)
            return roleWords.contains(word) || word == "of"
                || (document.forms[t].unicodeScalars.first?.properties.isUppercase == true
                    && !words.boundaries.contains(word))
        }
    }

    /// An actor in an "of" phrase that names a person's country or body ("President Barack Obama of the United States").
    func attachedToPerson(_ mention: Int, _ list: [(mention: Int, entity: Int)]) -> Bool {
        var of = first(mention) - 1
        if of >= 0, ["the"].contains(form(of)) { of -= 1 }
        guard of > 0, form(of) == "of" else { return false }
        return list.contains { last($0.mention) == of - 1 && document.mentions[$0.mention].type == .person }
    }

    /// The actor a relative clause starting at document token `start` describes: the one just before its "who" or
    /// "which" ("Trump, who ...", "the U.S. and its allies, which ...").
    func antecedent(ofClauseAt start: Int, _ actors: [(mention: Int, entity: Int)]) -> [Int] {
        let pronoun = start - 1
        guard pronoun > 0, words.relativePronouns.contains(form(pronoun)) else { return [] }
        let end = form(pronoun - 1) == "," ? pronoun - 2 : pronoun - 1
        let sentence = document.sentences.first { $0.tokens.contains(pronoun) }?.tokens.lowerBound ?? 0
        // The nearest actor of the noun phrase before it, a few words of it aside ("the U.S. and its allies").
        let before = actors.filter { last($0.mention) <= end && first($0.mention) >= sentence }
        guard let nearest = before.last, end - last(nearest.mention) <= 3 else { return [] }
        return chain(ending: nearest, in: before)
    }

    /// The targets: the actor where the pattern's slot stands, with the actors coordinated to it ("urged Europe and the US").
    func targets(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ after: Int, _ clauseEnd: Int, _ all: [(mention: Int, entity: Int)]
    ) -> [Int] {
        // A possessive pronoun is no object: "met his counterpart".
        let candidates = all.filter {
            !(document.mentions[$0.mention].kind == .pronoun && tags[first($0.mention) - tokens[0]].isPossessivePronoun)
        }
        for slot in pattern.targets {
            switch slot {
            case "-":
                return []
            case "_", "=":
                // The direct object: an actor right after the verb, its article or determiner aside, no other verb between;
                // or the name in apposition to a short object ("met his counterpart, Chung Eui-yong").
                if let object = candidates.first,
                    after >= tokens.count
                        || (first(object.mention) <= tokens[after] + 4
                            && !(tokens[after]..<first(object.mention)).contains(where: {
                                words.objectBlockers.contains(form($0)) || tags[$0 - tokens[0]].isVerb
                            }))
                        || isApposition(object, after: tokens[after]),
                    slot == "_" || !ownsObject(object, tokens)
                {
                    return coordinated(Array(candidates.drop { $0.mention != object.mention }))
                }
            default:
                // A preposition, not the "to" of an infinitive ("to accept delivery of a Russian system").
                if let preposition = tokens.first(where: { t in
                    t >= (after < tokens.count ? tokens[after] : Int.max) && t <= clauseEnd && form(t) == slot
                        && (t + 1 > tokens.last! || !(tags[t + 1 - tokens[0]].isBaseVerb || tags[t + 1 - tokens[0]].kind == .presentVerb))
                }),
                    let object = candidates.first(where: { first($0.mention) > preposition && first($0.mention) <= preposition + 6 })
                {
                    return coordinated(Array(candidates.drop { $0.mention != object.mention }))
                }
            }
        }
        return []
    }

    /// Whether an actor after a verb only owns or qualifies its object: "Peru's" of "welcomed Peru's decision", "OPCW" of
    /// "welcomed the OPCW visit".
    func ownsObject(_ object: (mention: Int, entity: Int), _ tokens: [Int]) -> Bool {
        let next = last(object.mention) + 1
        guard next <= tokens.last! else { return false }
        return form(next) == "'s" || tags[next - tokens[0]].isNoun
    }

    /// Whether a person stands in apposition to the short object that opens at document token `start` ("his South
    /// Korean counterpart, Chung Eui-yong", "Kim's sister, Kim Yo Jong").
    func isApposition(_ object: (mention: Int, entity: Int), after start: Int) -> Bool {
        let comma = first(object.mention) - 1
        guard document.mentions[object.mention].type == .person, comma > start, comma - start <= 5, form(comma) == ",",
            let sentenceStart = document.sentences.first(where: { $0.tokens.contains(comma) })?.tokens.lowerBound
        else { return false }
        return tags[comma - 1 - sentenceStart].isNoun
            && !(start..<comma).contains { words.boundaries.contains(form($0)) || tags[$0 - sentenceStart].isVerb }
    }
}
