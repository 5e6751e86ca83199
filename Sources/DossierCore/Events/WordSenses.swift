/// The senses of a verb outside the act its bare pattern codes: naming ("called it a coup"), asking a question
/// ("asked whether"), dismissing ("fired the director"), publishing ("released a report"), a passive without its
/// auxiliary ("soldiers wounded in the ambush"), a disaster's toll ("a quake killed").
extension SentenceCoder {
    /// Whether the verb at `k` names something or asks a question rather than doing the act of its bare patterns
    /// (``names(_:_:)``, ``requests(_:_:)``).
    func asksNothing(_ tokens: [Int], _ k: Int) -> Bool {
        let word = form(tokens[k])
        return (words.namingVerbs.contains(word) && names(tokens, k)) || (words.questionVerbs.contains(word) && !requests(tokens, k))
    }

    /// Whether the verb at `k` dismisses someone (``EventWords/dismissals``): its object is a person named, a title or a
    /// determiner aside ("fired FBI Director James Comey", "sacked his deputy, Li Peng").
    func dismisses(_ tokens: [Int], _ k: Int, _ actors: [(mention: Int, entity: Int)]) -> Bool {
        guard words.dismissals.contains(form(tokens[k])) else { return false }
        guard
            let person = actors.first(where: {
                first($0.mention) > tokens[k] && first($0.mention) <= tokens[k] + 5 && document.mentions[$0.mention].type == .person
            })
        else { return false }
        return !(tokens[k] + 1..<first(person.mention)).contains {
            tags[$0 - tokens[0]].kind == .preposition || tags[$0 - tokens[0]].isVerb
        }
    }

    /// Whether the verb at `k` requests something: "for", or "to" and a verb, follow it in its clause ("asked Iran to
    /// stop", "asked the UN for help", "was asked to leave").
    func requests(_ tokens: [Int], _ k: Int) -> Bool {
        var i = k + 1
        while i < min(tokens.count, k + 9) {
            let word = form(tokens[i])
            if word == "for" || (word == "to" && i + 1 < tokens.count && tags[i + 1].isBaseVerb) { return true }
            if [",", ";", ":", "that", "whether", "if", "about", "why", "how", "what", "when", "who", "?", ".", "\"", "“", "”"]
                .contains(word)
            {
                return false
            }
            i += 1
        }
        return false
    }

    /// Whether what the verb at `k` gives, sends or releases is a document (``EventWords/documents``): its object's
    /// noun ("released a joint statement", "give a briefing today"), or the noun a participle with no object describes
    /// ("the report released last week", "a delegation sent to the Olympics", which the tagger may read as a past tense).
    func givesDocument(_ tokens: [Int], _ k: Int) -> Bool {
        if (tags[k].isPastParticiple || tags[k].isPastTense), k > 0, words.documents.contains(form(tokens[k - 1])),
            tags[k].isPastParticiple || !opensObject(tokens, k + 1)
        {
            return true
        }
        var i = k + 1
        while i < min(tokens.count, k + 6), !tags[i].isNoun {
            guard
                tags[i].isDeterminer || tags[i].isAdjective || tags[i].isPossessivePronoun || tags[i].isNumber || tags[i].kind == .particle
            else { return false }
            i += 1
        }
        // The object's last noun: "a staff report", not "staff"; "a briefing today", not "today".
        while i + 1 < tokens.count, tags[i + 1].isNoun, !words.adverbialNouns.contains(form(tokens[i + 1])) { i += 1 }
        return i < tokens.count && tags[i].isNoun && words.documents.contains(form(tokens[i]))
    }

    /// Whether the verb at `k` names or describes something: in the passive ("is called the Affordable Care Act"),
    /// describing an indefinite noun or "what" before it ("a firm called Pravda", "what he called spying"), or with a second noun
    /// phrase, an adjective or a quotation after its object ("called Egypt a coup", "called it “aggressive”").
    func names(_ tokens: [Int], _ k: Int) -> Bool {
        if isPassive(tokens, k) { return true }
        if k > 0, form(tokens[k - 1]) == "what" { return true }
        // "a firm called Pravda", "something called the Ginsburg standard": a participle after an indefinite noun.
        if tags[k].isPastParticiple, k > 0, tags[k - 1].isNoun || ["something", "anything"].contains(form(tokens[k - 1])) {
            let before = (max(0, k - 4)..<k).reversed().prefix { !tags[$0].isVerb }
            if before.contains(where: { ["a", "an", "something", "anything"].contains(form(tokens[$0])) }) { return true }
        }
        var i = k + 1
        if i < tokens.count, tags[i].isDeterminer || tags[i].isPossessivePronoun { i += 1 }
        if i < tokens.count, tags[i].isPronoun {
            i += 1
        } else {
            // The object, with its "of" phrases ("the tactics of the county police"); an adjective after its noun is what
            // it is called ("called the decision illegal").
            while i < tokens.count,
                tags[i].isNoun || (tags[i].isAdjective && !tags[i - 1].isNoun) || tags[i].isPossessiveEnding || tags[i].isNumber
                    || form(tokens[i]) == "of" || (tags[i].isDeterminer && form(tokens[i - 1]) == "of")
            {
                i += 1
            }
        }
        guard i > k + 1, i < tokens.count else { return false }
        let next = tags[i]
        return next.isDeterminer || next.isAdjective || next.isNoun || next.isNumber || next.isPossessivePronoun
            || ["\"", "“", "‘", "'", "``"].contains(form(tokens[i]))
    }

    /// Where the word of disapproval ends that a naming verb at `k` gives its object ("called the launch a provocative
    /// act", "called Egypt's move illegal"): an adjective or noun of a disapproval pattern (root 11) in the clause after
    /// the object; `nil` if the verb names nothing or without disapproval ("called it a coup").
    func namingJudgement(_ tokens: [Int], _ k: Int) -> Int? {
        guard words.namingVerbs.contains(form(tokens[k])), !isPassive(tokens, k), names(tokens, k) else { return nil }
        var i = k + 1
        while i < min(tokens.count, k + 12), !words.clauseEnds.contains(form(tokens[i])), form(tokens[i]) != "," {
            if tags[i].isAdjective || tags[i].isNoun, cues[tokens[i]]?.patterns.contains(where: { holds(.disapproval, $0.code) }) == true {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// The actors that the subject right before a word of obligation at `k` names, adverbs aside, with those coordinated
    /// to them ("Iran must", "the Sri Lankan government must", "it must", "US and British forces must"); none where that
    /// subject names none ("people must stay", "military intervention must be avoided").
    func modalSubjects(_ tokens: [Int], _ k: Int, _ actors: [(mention: Int, entity: Int)]) -> [Int] {
        var j = k - 1
        while j > 0, tags[j].isAdverb { j -= 1 }
        let end = j
        while j >= 0, tags[j].isNoun || tags[j].isAdjective || tags[j].isDeterminer || tags[j].isPronoun || tags[j].isPossessiveEnding {
            j -= 1
        }
        guard j < end, let subject = actors.last(where: { last($0.mention) >= tokens[j + 1] && last($0.mention) <= tokens[end] })
        else { return [] }
        return chain(ending: subject, in: actors.filter { last($0.mention) < first(subject.mention) })
    }

    /// The actor of the clause that a "that" clause holding the word at `k` depends on: its first actor before "that"
    /// ("the forum concluded that the US must ...", "Chirac reminded Iraq that it must ...").
    func thatClauseAuthor(_ tokens: [Int], _ k: Int, _ actors: [(mention: Int, entity: Int)]) -> Int? {
        guard let that = (0..<k).last(where: { form(tokens[$0]) == "that" }) else { return nil }
        return actors.first { last($0.mention) < tokens[that] }?.entity
    }

    /// Whether the act at `k` is caused by a disaster its clause names: before it ("a quake killed", "cholera erupted,
    /// killing"), or after it in a phrase of ``EventWords/causePrepositions`` ("killed in a plane crash").
    func causedByDisaster(_ tokens: [Int], _ k: Int, _ after: Int) -> Bool {
        let start = tokens.firstIndex(of: clauseStart(tokens, k)) ?? 0
        // "cholera erupted in Lower Manhattan, killing": a participle's cause stands in the clause before its comma.
        let from = k > 0 && form(tokens[k - 1]) == "," ? tokens.firstIndex(of: clauseStart(tokens, k - 1)) ?? start : start
        if (from..<k).contains(where: { words.disasters.contains(form(tokens[$0])) }) { return true }
        guard after < tokens.count, words.causePrepositions.contains(form(tokens[after])) else { return false }
        let end = min(tokens.count, after + 5)
        return ((after + 1)..<end).contains { words.disasters.contains(form(tokens[$0])) }
    }

    /// Whether the past participle at `k` is a passive with its auxiliary left out: right after an actor, and followed by
    /// a phrase a passive ends with, not an object ("Two Kenyan soldiers wounded in the ambush", "Palestinians killed
    /// while fleeing"; not "called for sanctions", "released at least 19"). The actor is what was acted on.
    func isReducedPassive(_ tokens: [Int], _ k: Int, _ actors: [(mention: Int, entity: Int)]) -> Bool {
        guard k > 0, tags[k].isPastParticiple, k + 1 == tokens.count || words.reducedPassiveEnds.contains(form(tokens[k + 1])) else {
            return false
        }
        // The noun phrase just before holds an actor: it is one, or an actor describes its noun ("Two Kenyan soldiers").
        guard tags[k - 1].isNoun || actors.contains(where: { last($0.mention) == tokens[k - 1] }) else { return false }
        var start = k - 1
        while start > 0, k - start < 4, tags[start - 1].isNoun || tags[start - 1].isAdjective || tags[start - 1].isNumber {
            start -= 1
        }
        // A pronoun is no such noun ("many of them sued").
        return actors.contains {
            (tokens[start]...tokens[k - 1]).contains(last($0.mention)) && document.mentions[$0.mention].kind != .pronoun
        }
    }
}
