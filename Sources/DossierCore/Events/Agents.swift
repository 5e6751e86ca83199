/// Actors named only by what they are ("police", "the protesters", "rebel fighters"), found where events are read.
extension SentenceCoder {
    /// Adds to the document, as mentions of entities of type AGENT, the agent phrases of a sentence that head a noun
    /// phrase of their own ("police" of "police arrested", not of "police station") and that no named actor or pronoun
    /// qualifies (in "Turkish police", "Iraq's army" and "my administration" the owner stands for them). One entity for
    /// each phrase in a document; the sentence's agents go to ``agentsBySentence``.
    mutating func addAgents(_ s: Int, _ tokens: [Int]) {
        guard let agents = coder.agents, tokens.contains(where: { has($0, .agentStart) }) else { return }
        let words = tokens.map { form($0) }
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentionsBySentence[s] {
            for t in document.mentions[m].tokens where t >= tokens[0] && t <= tokens[tokens.count - 1] { covered[t - tokens[0]] = true }
        }
        var added: [(mention: Int, entity: Int)] = []
        var i = 0
        while i < tokens.count {
            guard !covered[i], has(tokens[i], .agentStart), let match = agents.longestMatch(words, at: i) else {
                i += 1
                continue
            }
            let end = i + match.words
            defer { i = end }
            guard (i..<end).allSatisfy({ !covered[$0] }), tags[end - 1].isNoun, end == tokens.count || !tags[end].isNoun,
                i == 0 || !(covered[i - 1] || words[i - 1] == "'s" || words[i - 1] == "'" || tags[i - 1].isPossessivePronoun)
            else { continue }
            let key = words[i..<end].joined(separator: " ")
            let span = Span(document.tokens[tokens[i]].span.start, document.tokens[tokens[end - 1]].span.end)
            let mention = document.mentions.count
            document.mentions.append(
                Mention(
                    span: span, tokens: tokens[i]..<(tokens[end - 1] + 1), sentence: s, type: .agent, kind: .description,
                    sector: match.sector, foundBy: "agent"))
            entityOfMention.append(nil)
            let entity: Int
            if let known = agentEntities[key] {
                entity = known
                document.entities[entity].mentions.append(mention)
            } else {
                entity = document.entities.count
                agentEntities[key] = entity
                document.entities.append(
                    Entity(
                        id: "e\(entity + 1)", name: document.string(span), type: .agent, country: nil, roles: [],
                        sector: match.sector, kbID: nil, latitude: nil, longitude: nil, mentions: [mention]))
            }
            entityOfMention[mention] = entity
            added.append((mention, entity))
        }
        agentsBySentence[s] = added
    }

    /// The agent that a place locates where the place would be the source of a trigger at document token `t`: the
    /// subject before it, or the agent after "by" ("protesters in the eastern Kosovan town of Gjilan", "released by rebel
    /// forces in Tripoli": a preposition, then only determiners, adjectives, nouns and prepositions). An agent of the
    /// state acts for its country, which it may name so ("police in Nairobi", "authorities in Japan"), not for a town.
    func agent(locatedIn place: Int, _ s: Int, _ tokens: [Int], before t: Int) -> Int? {
        let entity = document.entities[place]
        guard entity.type == .gpe || entity.type == .loc, let agents = agentsBySentence[s], !agents.isEmpty else { return nil }
        let country = entity.kbID?.hasPrefix("country:") == true
        let named = actors(in: s)
        return agents.first { agent in
            let start = first(agent.mention)
            guard last(agent.mention) < t || (start > tokens[0] && form(start - 1) == "by"),
                !(country && Self.stateSectors.contains(document.entities[agent.entity].sector ?? "")),
                let next = named.first(where: { first($0.mention) > last(agent.mention) }), next.entity == place
            else { return false }
            let gap = (last(agent.mention) + 1)..<first(next.mention)
            guard let preposition = gap.first, words.locating.contains(form(preposition)) else { return false }
            return gap.dropFirst().allSatisfy { i in
                let tag = tags[i - tokens[0]]
                return tag.isDeterminer || tag.isAdjective || tag.isNoun || tag.isPreposition
            }
        }?.entity
    }

    /// The sectors of agents of the state (government, armed forces, police, courts, legislatures, intelligence).
    static let stateSectors: Set<String> = ["GOV", "MIL", "COP", "JUD", "LEG", "SPY"]

    /// The roles of a trigger read with the sentence's agents as actors beside its named ones.
    mutating func rolesOfAgents(
        _ s: Int, _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, _ after: Int, _ previousSubject: [Int],
        objectOfEvent: Bool
    ) -> (sources: [Int?], targets: [Int], guessed: Bool) {
        let all = (actors(in: s) + (agentsBySentence[s] ?? [])).sorted { first($0.mention) < first($1.mention) }
        // The named actors' parse is kept for the next trigger.
        let named = parsed
        let guessed = guessedTarget
        parsesAgents = true
        parsed = nil
        defer {
            parsesAgents = false
            parsed = named
            guessedTarget = guessed
        }
        // The parse is read only where the named actors' roles needed it already: parsing for agents alone costs 5% of a
        // bulk run's time for half a point of PLV's targets.
        let (sources, targets) =
            tree != nil
            ? roles(pattern, tokens, k, after, all, previousSubject, objectOfEvent: objectOfEvent)
            : wordRoles(pattern, tokens, k, after, all, previousSubject, objectOfEvent: objectOfEvent)
        return (sources, targets, guessedTarget)
    }
}
