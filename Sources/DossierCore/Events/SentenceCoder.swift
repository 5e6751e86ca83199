/// Event coding over one document's sentences.
struct SentenceCoder {
    /// The document, with the agents found so far (``addAgents(_:_:)``) among its mentions and entities.
    var document: Document
    let coder: EventCoder
    /// The entity of each mention.
    var entityOfMention: [Int?]
    /// The ``EventCoder/Cue`` of each token's word.
    let cues: [EventCoder.Cue?]
    /// The actor mentions of each sentence, in order, with their entities (weapons and events are not actors).
    let actorsBySentence: [[(mention: Int, entity: Int)]]
    /// Every mention of each sentence, weapons and events too.
    let mentionsBySentence: [[Int]]
    /// The agent entity of each lowercased agent phrase found so far ("protesters").
    var agentEntities: [String: Int] = [:]
    /// The agent mentions of each sentence prepared so far, in order, with their entities: actors only where no named
    /// actor fills a role (``rolesOfAgents(_:_:_:_:_:_:objectOfEvent:)``).
    var agentsBySentence: [Int: [(mention: Int, entity: Int)]] = [:]
    /// Whether ``EventCoder/classifier`` knows each word seen so far (see ``knows(_:_:)``).
    var knownWords: [String: Bool] = [:]
    /// The sentence whose ``tags`` and ``parse`` are ready.
    var prepared: Int?
    /// The parts of speech of the sentence being coded.
    var tags: [PartOfSpeech] = []
    /// The sentence being coded, parsed: only when the words around a trigger leave its source or target unknown.
    var parsed: ParsedSentence?
    /// The dependency tree of the sentence being coded, once parsed.
    var tree: DependencyTree?
    /// The part-of-speech indices of the sentence being coded, as the parser reads them.
    var tagIndices: [UInt8] = []
    /// The words of the sentence being coded as the tagger and the parser read them, hashed once for both.
    var wordHashes: [WordHashes] = []
    /// Whether ``parse()`` reads the sentence's agents as actors beside its named ones.
    var parsesAgents = false
    /// Whether the last ``roles(_:_:_:_:_:_:objectOfEvent:)`` took the target from the nearest actor of the trigger's
    /// phrase, where no slot of its pattern names one: a guess that does not make an event whole.
    var guessedTarget = false
    /// The acts of force or threat coded so far (roots 13 to 20): source, sentence and trigger word.
    var acts: [(source: Int, sentence: Int, word: String)] = []

    init(document: Document, coder: EventCoder) {
        self.document = document
        self.coder = coder
        let entityOfMention = document.entityOfMention()
        self.entityOfMention = entityOfMention
        cues = document.lowercasedForms.map { coder.cues[$0] }
        var actors = [[(mention: Int, entity: Int)]](repeating: [], count: document.sentences.count)
        var mentions = [[Int]](repeating: [], count: document.sentences.count)
        let datelines = Self.datelineEnds(document)
        for (m, mention) in document.mentions.enumerated() {
            guard let sentence = mention.sentence, actors.indices.contains(sentence) else { continue }
            mentions[sentence].append(m)
            // "TEL AVIV -- Israeli Prime Minister ...": the dateline's place only says where the report was filed.
            if let end = datelines[sentence], mention.tokens.lowerBound < end { continue }
            if let entity = entityOfMention[m], mention.type != .weapon && mention.type != .event { actors[sentence].append((m, entity)) }
        }
        actorsBySentence = actors.map { Self.outermost($0, document.mentions) }
        mentionsBySentence = mentions
    }

    var words: EventWords { coder.words }

    /// A sentence's actor mentions (in order) without those inside another one: "Russia's defence chief" acts, not the
    /// "Russia" in it; of two on the same words ("the Russian and Ukrainian presidents"), the person described. Mentions
    /// that overlap stand close in the order, so each is compared with its three neighbours each side.
    static func outermost(_ actors: [(mention: Int, entity: Int)], _ mentions: [Mention]) -> [(mention: Int, entity: Int)] {
        func covers(_ a: Mention, _ b: Mention) -> Bool {
            a.tokens.overlaps(b.tokens)
                && (a.tokens.count > b.tokens.count || (a.tokens.count == b.tokens.count && a.type == .person && b.type != .person))
        }
        return actors.indices.filter { j in
            !(max(0, j - 3)..<min(actors.count, j + 4)).contains { i in
                i != j && covers(mentions[actors[i].mention], mentions[actors[j].mention])
            }
        }.map { actors[$0] }
    }

    func form(_ token: Int) -> String { document.lowercasedForms[token] }

    /// Whether a token's word belongs to a class of ``EventWords``.
    func has(_ token: Int, _ wordClass: EventCoder.WordClasses) -> Bool { cues[token]?.classes.contains(wordClass) == true }

    /// The actor mentions of a sentence, in order, with their entities (weapons and events are not actors).
    func actors(in sentence: Int) -> [(mention: Int, entity: Int)] { actorsBySentence[sentence] }

    /// The first token of a mention.
    func first(_ m: Int) -> Int { document.mentions[m].tokens.lowerBound }
    func last(_ m: Int) -> Int { document.mentions[m].tokens.upperBound - 1 }

    mutating func events(in s: Int) -> [Event] {
        let sentence = document.sentences[s]
        let tokens = Array(sentence.tokens)
        // Only a trigger followed by its pattern's particles ("show off", not "show") or a blaming phrase can state an event.
        guard hasTrigger(tokens) else { return learnedEvents(in: s) }
        // With no actor named, only a quote's speaker ("I applaud ...") or a pair named before ("both sides") can act; else
        // the sentence needs no tagging (agents alone, "police arrested protesters", are not worth tagging every such
        // sentence: 5% of the bulk run's time for nothing measurable on PLV).
        guard
            !actors(in: s).isEmpty || document.quotes.contains(where: { $0.direct && $0.span.range.overlaps(sentence.span.range) })
                || tokens.indices.dropFirst().contains(where: { isPair(tokens, $0) })
        else { return [] }
        prepare(s)
        let actors = self.actors(in: s)
        var out: [Event] = []
        /// Whether each event has its source, and its target where the pattern names one.
        var complete: [Bool] = []
        var previousSubject: [Int] = []
        /// The last light verb whose noun states the event ("launched an offensive", "sent Mr Bush his congratulations").
        var lightVerb: Int?
        /// Where the words of the last verb event end.
        var verbEventEnd: Int?
        var verbEventTrigger: Span?
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            guard var candidates = cues[t]?.patterns, !candidates.isEmpty else {
                k += 1
                continue
            }
            // "called the launch a provocative act": naming with a word of disapproval is criticism.
            let judgementEnd = namingJudgement(tokens, k)
            if judgementEnd != nil { candidates = [EventCoder.judgingName] }
            // "a scathing attack on the government": force in words is criticism.
            if k > 0, words.verbalAttacks.contains(form(tokens[k - 1])),
                candidates.contains(where: { $0.isNoun && holds(.fighting, $0.code) })
            {
                candidates = [EventCoder.verbalAttack]
            }
            if isCampaign(nounAt: k, tokens) { candidates.removeAll { $0.isNoun && holds(.fighting, $0.code) } }
            if words.lightVerbs.contains(form(t)), nounTrigger(after: k, tokens) {
                lightVerb = k
                k += 1
                continue
            }
            var fired = false
            let forcedNoun = candidates.contains { isNounBeforeItsPreposition($0, candidates, tokens, k) }
            for pattern in candidates {
                guard let after = particlesEnd(pattern, tokens, k), !pattern.objectRequired || hasObject(tokens, k, after: after) else {
                    continue
                }
                // "called the plan a mistake", "a firm called Pravda": naming is no act; nor is a question, nor a dismissal.
                if pattern.particles.isEmpty, judgementEnd == nil, asksNothing(tokens, k) || dismisses(tokens, k, actors) { continue }

                // "the move angered Beijing": a participle of feeling with no "be" is felt by its object, at no one named.
                if !pattern.isNoun, words.felt.contains(form(t)), !isPassive(tokens, k) { continue }
                // "a letter signed by Putin": a participle that only describes a noun states no event.
                if !pattern.isNoun, after < tokens.count, form(tokens[after]) == "by", k > 0, !isPassive(tokens, k) {
                    continue
                }
                // A noun pattern reads nouns ("a hunger strike"), a verb pattern verbs and adjectives ("ready"); where the
                // tagger is unsure (a participle), the words before decide ("the meeting").
                let finiteVerb = tags[k].isFiniteOrBaseVerb
                // "is meeting British officials": a progressive, whatever the tagger says.
                let progressive = k > 0 && words.be.contains(form(tokens[k - 1])) && form(t).hasSuffix("ing")
                if pattern.isNoun && !forcedNoun
                    && (progressive
                        || !(tags[k].isNoun || (!finiteVerb && (!coder.patterns.verbForms.contains(form(t)) || looksLikeNoun(tokens, k)))))
                {
                    continue
                }
                // "accused Russia of attacking Kharkiv": a gerund with an object after a preposition is a verb.
                let gerund = form(t).hasSuffix("ing") && k > 0 && tags[k - 1].isPreposition && opensObject(tokens, k + 1)
                if !pattern.isNoun && !progressive && !gerund && (tags[k].isNoun || (looksLikeNoun(tokens, k) && form(t) != "meeting")) {
                    continue
                }
                // "the Court of Appeals": a name's noun; "the EU sanctions on Iran": a noun, whatever the tagger says.
                if pattern.isNoun ? isPartOfName(nounAt: k, tokens) : forcedNoun { continue }
                // "a strike drone", "a launch site": a noun describing another states no event.
                if pattern.isNoun, after < tokens.count, tags[after].isCommonNoun,
                    !words.compoundHeads.contains(form(tokens[after]))
                {
                    continue
                }
                let governor = governor(of: pattern, tokens, k)
                // "proposed a deal": an intent with no code of its own for the act is the event, the act only its object.
                if pattern.isNoun, let governor, governor.mood == .intended, coder.cameo[pattern.code]?.intent == nil { continue }
                // "for visiting foreign guests": a participle describing a noun.
                if !pattern.isNoun, !progressive, tags[k].isGerund, k + 1 < tokens.count,
                    tags[k + 1].isAdjective || tags[k + 1].kind == .pluralNoun
                {
                    continue
                }
                // "condemned the launch": a noun in the object of an event's verb.
                let objectOfEvent =
                    pattern.isNoun
                    && verbEventEnd.map { end in
                        end <= k && k - end <= 4
                            && (end..<k).allSatisfy {
                                tags[$0].isDeterminer || tags[$0].isAdjective || tags[$0].isNoun
                                    || (tags[$0].isPossessivePronoun || tags[$0].isPossessiveEnding)
                            }
                    } == true
                // An adjective of disapproval with no slot judges for its speaker ("said the launch was intolerable"); one
                // with a slot is felt by its subject ("is furious with Japan").
                let judging = !pattern.isNoun && tags[k].isAdjective && holds(.disapproval, pattern.code) && pattern.targets == ["-"]
                // Where the roles are read from: the object inside the pattern's words ("called on Iran to"), else after them.
                let rolesFrom = pattern.objectPosition.map { k + 1 + $0 } ?? after
                var (found, targets): ([Int?], [Int])
                if judging {
                    guard let judgement = judgement(tokens, k, s, actors) else { continue }
                    (found, targets) = ([judgement.source], judgement.targets)
                } else {
                    (found, targets) = roles(pattern, tokens, k, rolesFrom, actors, previousSubject, objectOfEvent: objectOfEvent)
                }
                if found.allSatisfy({ $0 == nil }), let speaker = firstPersonSpeaker(tokens, k) {
                    // "I warmly applaud ...", said by Jack Straw.
                    found = [speaker]
                }
                // "refused a request from India", "condemned the threats made by the government": aimed at the author.
                if targets.isEmpty, !judging, holds(.responds, pattern.code),
                    let author = objectAuthor(tokens, from: rolesFrom, k, actors),
                    !found.contains(author)
                {
                    targets = [author]
                }
                // "a meeting of foreign ministers of both countries": the two named before act on each other (a place
                // after it only says where).
                if found.allSatisfy({ $0 == nil }), pattern.isNoun, isMutual(pattern), let pair = pairReference(afterNounAt: k, tokens) {
                    found = pair
                    targets = []
                }
                if pattern.isNoun, targets.isEmpty, let light = lightVerb, k - light <= 6 {
                    // The light verb's object receives what the noun states ("sent Mr Bush his congratulations").
                    targets = actors.filter { first($0.mention) > tokens[light] && last($0.mention) < t }.map(\.entity)
                        .filter { !found.contains($0) }.prefix(1).map { $0 }
                }
                // (A source stands before the trigger or after "by", a target after it: only then are the roles read again.)
                if let agents = agentsBySentence[s],
                    (found.allSatisfy({ $0 == nil })
                        && agents.contains { first($0.mention) < t || form(max(0, first($0.mention) - 1)) == "by" })
                        || (targets.isEmpty && agents.contains { first($0.mention) > t })
                {
                    // "Police arrested the protesters": agents fill the roles no named actor fills.
                    let agents = rolesOfAgents(s, pattern, tokens, k, rolesFrom, previousSubject, objectOfEvent: objectOfEvent)
                    if found.allSatisfy({ $0 == nil }) { found = agents.sources.filter { !targets.contains($0 ?? -1) } }
                    // What is sent or deployed is no target ("offered to send troops", "deployed soldiers").
                    if targets.isEmpty, !holds(.delivers, pattern.code) {
                        targets = agents.targets.filter { !found.contains($0) }
                        guessedTarget = agents.guessed
                    }
                }
                // "Protesters in the town of Gjilan burned ...": a town where an agent is, is no actor; the agent is.
                if found.count == 1, let place = found[0], let agent = agent(locatedIn: place, s, tokens, before: t) { found = [agent] }
                var sources = found.compactMap { $0 }
                // "was arrested in Rwanda": an arrest, a ban or an expulsion that names no one who did it is the place's.
                if sources.isEmpty, holds(.arrests, pattern.code), !pattern.isNoun, isPassive(tokens, k),
                    let place = location(tokens, actors), !targets.contains(place)
                {
                    sources = [place]
                }
                if !pattern.isNoun, !judging { previousSubject = sources }
                // "released a report", "a statement released on Monday": publishing is no release, sending a letter no aid
                // (though its subject stays the subject of what follows: "sent a letter threatening to ...").
                if !pattern.isNoun, holds(.gives, pattern.code), givesDocument(tokens, k) { continue }
                // "a quake killed 8,000 people", "224 people killed in a plane crash": no one did it.
                if holds(.force, pattern.code), causedByDisaster(tokens, k, after) { continue }
                // "Russia says Israel must end its attacks", "Merkel said Russia has to withdraw": who says another must act
                // demands it of them, or appeals to them; a subject that must act, with no one else saying so, or one that
                // names no actor, is asked nothing ("we must work together", "people must stay home").
                // "should have done more": what another ought to have done reproaches them (111).
                var reproach = false
                if words.obligations.contains(form(t)), holds(.asks, pattern.code) {
                    let subjects = modalSubjects(tokens, k, actors)
                    guard !subjects.isEmpty,
                        let speaker = speaker(of: t) ?? thatClauseAuthor(tokens, k, actors), !subjects.contains(speaker)
                    else { continue }
                    sources = [speaker]
                    targets = subjects
                    reproach = after + 1 < tokens.count && form(tokens[after]) == "have" && tags[after + 1].isPastParticiple
                }
                // An interaction that needs a counterpart is coded only with it (or between actors who act together:
                // "Obama and Xi will hold talks"); any event needs some actor.
                // Actors who act together, or on each other ("clashed", "accused each other"), need no other counterpart.
                let mutual = isMutual(pattern) || isReciprocal(tokens, k, after)
                if targets.isEmpty && pattern.targetRequired && !(sources.count >= 2 && mutual) { continue }
                // "suspended aid deliveries in Borno State", "shelled villages in Idlib": an act done to a place with no one
                // named as its target is done to the place.
                if targets.isEmpty, pattern.targets.first != "-", !(sources.count >= 2 && mutual), holds(.actsOnPlaces, pattern.code),
                    let place = location(tokens, actors), !sources.contains(place)
                {
                    targets = [place]
                }
                // "Lavrov said Russia had seen no proof for the slanderous accusation": who rejects an accusation in their own
                // words denies it (coded 016 below), whoever made it.
                if sources.isEmpty, pattern.isNoun, holds(.disapproval, pattern.code), rejects(sentence.tokens),
                    let speaker = document.quotes.first(where: { $0.span.contains(document.tokens[t].span) })?.speaker
                {
                    sources = [speaker]
                }
                if sources.isEmpty && targets.isEmpty { continue }
                var status = status(tokens, k)
                var code = reproach ? "111" : pattern.code
                // "wanted to meet Moon", "refused to lift sanctions", "will not lift sanctions" (a negated yield or intent),
                // "cancelled a planned visit":
                // CAMEO codes an intent to act (03) and a refusal (12) apart from the act, and the word of intending or
                // refusing states nothing more.
                if let governor = governor
                    ?? (status == .negated && holds(.refusedWhenNegated, code) ? Governor(word: nil, mood: .refused) : nil),
                    let moodCode = coder.cameo[code]?.code(in: governor.mood)
                {
                    code = moodCode
                    // The intending or refusing is the event: its status is the governing word's ("wanted to meet": reported).
                    status = governor.word.map { self.status(tokens, $0) } ?? .reported
                    if let word = governor.word {
                        let span = document.tokens[tokens[word]].span
                        for i in out.indices.reversed() where out[i].trigger == span {
                            // "proposed a meeting with North Korea": the verb's actors stand for the act's where it names none.
                            if sources.isEmpty, let source = out[i].source { sources = [source] }
                            // Coordinated actors of a mutual act act on each other ("North and South Korea agreed to hold talks").
                            if targets.isEmpty, sources.count < 2, let target = out[i].target { targets = [target] }
                            out.remove(at: i)
                            complete.remove(at: i)
                        }
                    }
                }
                // "Putin will meet Erdogan", "the rebels will release the hostages": an act of cooperation or of yielding
                // announced with "will" is an intent to do it (CAMEO 03); "is expected to meet" foresees it, no more.
                if governor == nil, status == .planned, holds(.intendedWhenAnnounced, code),
                    tokens[max(0, k - 3)..<k].contains(where: { words.announcing.contains(form($0)) }),
                    let intent = coder.cameo[code]?.code(in: .intended)
                {
                    code = intent
                }
                // A meeting, a visit or a pledge named by a noun with no one as its author is none ("the setting of the
                // meeting", "summits between Chinese and American leaders"); a verb's may be unnamed ("was invited").
                if sources.isEmpty, pattern.isNoun, holds(.needsAuthor, code) { continue }
                // "saw no proof for the slanderous accusation": who rejects an accusation denies it.
                if pattern.isNoun, holds(.disapproval, code), rejects(sentence.tokens) {
                    code = "016"
                    targets = []
                }
                let trigger = document.tokens[t].span
                // "said it would fire at South Korea": force promised in speech is a threat of force (138), made as it is said.
                if status == .planned || status == .hypothetical, holds(.force, code),
                    document.quotes.contains(where: { $0.span.contains(trigger) })
                {
                    code = "138"
                    status = .reported
                }
                let date = document.date(of: trigger, future: status == .planned)
                if targets.isEmpty, holds(.disapproval, code), let author = criticisedAuthor(tokens, after, s, besides: sources) {
                    targets = [author]
                }
                if let source = sources.first, holds(.acts, code) {
                    acts.append((source, s, form(t)))
                }
                // "condemned Uganda's incursion into Tanzania": praise, blame or rejection of an act is aimed at its author,
                // not at whom the act is done to.
                if objectOfEvent, let author = sources.first {
                    for i in out.indices
                    where out[i].trigger == verbEventTrigger && out[i].source != author && (out[i].target.map(targets.contains) ?? true)
                        && holds(.judgesActs, out[i].code)
                    {
                        out[i].target = author
                        complete[i] = out[i].source != nil
                    }
                }
                // "Trump and Erdogan concluded a visit": no one visits or hosts a visit of their own country (a person may
                // defend or ask their own state: "Merkel defended Germany's decision").
                for (source, target) in pairs(pattern, sources, targets, mutual: mutual)
                where !(holds(.visits, code) && source.flatMap { s in target.map { isOwnPlace($0, of: s) } } == true) {
                    complete.append(source != nil && ((target != nil && !guessedTarget) || pattern.targets.first == "-"))
                    out.append(
                        Event(
                            code: code, cameo: coder.cameo[code], source: source, target: target,
                            location: location(tokens, actors), date: date, status: status, attributedTo: attribution(s, trigger),
                            evidence: sentence.span, trigger: trigger, pattern: pattern.text))
                }
                fired = true
                if !pattern.isNoun {
                    verbEventEnd = after
                    verbEventTrigger = trigger
                }
                k = judgementEnd ?? after
                break
            }
            if !fired { k += 1 }
        }
        if let accusation = blame(s, tokens, actors) { out.append(accusation); complete.append(true) }
        // Beside a sentence's first event (one per actor), the main one of news prose, only whole events (who did what to whom) are
        // kept: a partial reading of a later word is more often wrong than right.
        let kept = out.indices.filter { out[$0].trigger == out.first?.trigger || complete[$0] }.map { out[$0] }
        return kept.isEmpty ? learnedEvents(in: s) : kept
    }

    /// Tags a sentence and makes ready its parse, once.
    mutating func prepare(_ s: Int) {
        guard prepared != s else { return }
        prepared = s
        let sentence = document.sentences[s]
        let tokens = Array(sentence.tokens)
        wordHashes = coder.parser.tagger.hashes(tokens.map { Substring(document.forms[$0]) })
        tagIndices = coder.parser.tagger.partsOfSpeechIndices(wordHashes)
        tags = tagIndices.map { coder.parser.tagger.posLabels[Int($0)] }
        addAgents(s, tokens)
        parsed = nil
        tree = nil
    }

    /// The prepared sentence with its dependency tree (parsed once) and its actors: the named ones, and the agents too
    /// when ``parsesAgents``.
    mutating func parse() -> ParsedSentence? {
        guard let s = prepared else { return nil }
        let sentence = document.sentences[s]
        let tokens = Array(sentence.tokens)
        if tree == nil { tree = coder.parser.parse(wordHashes, tags: tagIndices).tree }
        guard let tree else { return nil }
        var actors = actors(in: s)
        if parsesAgents { actors += agentsBySentence[s] ?? [] }
        return ParsedSentence(
            tree: tree, words: tokens.map { document.lowercasedForms[$0] }, tags: tags,
            actors: actors.map { actor in
                let words = document.mentions[actor.mention].tokens.clamped(to: sentence.tokens)
                return ((words.lowerBound - tokens[0])..<(words.upperBound - tokens[0]), actor.entity)
            })
    }

    /// Source-target pairs: each source with each target; coordinated sources of a `mutual` act with no target act on each
    /// other ("India and Pakistan agreed", "India and Pakistan clashed" both ways).
    func pairs(_ pattern: EventPatterns.Pattern, _ sources: [Int], _ targets: [Int], mutual: Bool) -> [(Int?, Int?)] {
        if targets.isEmpty && sources.count >= 2 && mutual {
            return sources.flatMap { a in sources.filter { $0 != a }.map { (a, $0) } }
        }
        let from: [Int?] = sources.isEmpty ? [nil] : sources
        // No actor is its own counterpart: a source whose only target is itself acts on no one named (and where the
        // pattern needs a counterpart, not at all).
        return from.flatMap { a -> [(Int?, Int?)] in
            let to = targets.filter { $0 != a }
            return to.isEmpty ? (pattern.targetRequired ? [] : [(a, nil)]) : to.map { (a, $0) }
        }
    }

    /// The speaker of the direct quote that holds the trigger at `k`, when its clause speaks in the first person ("I",
    /// "we", "my government").
    func firstPersonSpeaker(_ tokens: [Int], _ k: Int) -> Int? {
        let trigger = document.tokens[tokens[k]].span
        guard let quote = document.quotes.first(where: { $0.direct && $0.span.contains(trigger) }), let speaker = quote.speaker else {
            return nil
        }
        // The verb's own clause, or the quote's words before it when the verb joins another ("my administration will
        // communicate and cooperate").
        var start = tokens.firstIndex(of: clauseStart(tokens, k)) ?? 0
        if start > 0, form(tokens[start - 1]) == "and", tags[start].isVerb {
            start = tokens.firstIndex { document.tokens[$0].span.start >= quote.span.start } ?? start
        }
        return tokens[start..<k].contains { words.firstPerson.contains(form($0)) } ? speaker : nil
    }

    /// Whether a noun trigger stands as the object of the light verb at `k`, within a few words ("held an emergency
    /// meeting", "launched a powerful new offensive").
    func nounTrigger(after k: Int, _ tokens: [Int]) -> Bool {
        for i in (k + 1)..<min(k + 7, tokens.count) {
            if words.clauseEnds.contains(form(tokens[i])) || (tags[i].isVerb && !tags[i].isPastParticiple && !tags[i].isGerund) {
                return false
            }
            // The tagger may read a noun after adjectives as one more adjective ("a powerful new offensive").
            let nounLike = tags[i].isNoun || (tags[i].isAdjective && (i + 1 == tokens.count || !tags[i + 1].isNoun))
            if nounLike, cues[tokens[i]]?.patterns.contains(where: \.isNoun) == true { return true }
        }
        return false
    }

    /// The head noun of an object after a verb that names an act ("condemned the launch", "denounced this provocation"):
    /// an article or a demonstrative, then nouns, no actor.
    func actedOn(_ tokens: [Int], _ after: Int) -> String? {
        // "called it a provocation": the pronoun stands for the act named last.
        if after < tokens.count, ["it", "this"].contains(form(tokens[after])), after + 1 == tokens.count || !tags[after + 1].isNoun {
            return form(tokens[after])
        }
        guard after + 1 < tokens.count, words.objectDeterminers.contains(form(tokens[after])) else { return nil }
        let phrase = tokens[(after + 1)...].prefix { tags[$0 - tokens[0]].isNoun || tags[$0 - tokens[0]].isAdjective }
        guard let head = phrase.last, !document.mentions.contains(where: { phrase.contains($0.tokens.lowerBound) }) else { return nil }
        return form(head)
    }

    /// Whether a policy of `cameo-policy.txt` holds a code.
    func holds(_ policy: CameoPolicy, _ code: String) -> Bool { coder.cameo.holds(policy, code) }

    /// Whether a pattern's act can be done together, each actor to the others (``CameoPolicy/mutual``).
    func isMutual(_ pattern: EventPatterns.Pattern) -> Bool { holds(.mutual, pattern.code) }
}
