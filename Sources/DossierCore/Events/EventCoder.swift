/// Codes events in CAMEO and PLOVER with source, target, place, date and status (layer ``Layer/events``),
/// and finds the claims that parties deny (layer ``Layer/claims``).
///
/// A pattern of `event-patterns.txt` fires on its trigger word; the source is
/// the clause's subject (the agent after "by" in the passive), the target
/// stands where the pattern says ("met with X", "visited X", "showed off ...
/// to X"). Coordinated subjects give one event each ("Moscow and Pyongyang
/// have denied"). Negation, modals and hedges set the status; the governing
/// time the date; "X said" or "according to X" the attribution.
public struct EventCoder: Stage {
    public let name = "events"
    public let requires: Set<Layer> = [.quotes]
    public let assigns: Set<Layer> = [.events, .claims]
    public let patterns: EventPatterns
    public let cameo: CameoTable
    public let words: EventWords
    /// Parses the sentences that hold a trigger: its tags tell verbs from nouns ("they visit" from "the visit"), its
    /// tree who did what to whom.
    public let parser: DependencyParser
    /// Types the events of sentences whose words fire no pattern, when given.
    public let classifier: EventTypeClassifier?
    /// What each word that matters to the coder can start, so that a document's words are looked up once.
    let cues: WordMap<Cue>

    /// What a word can start: the patterns it triggers (none for some), whether it closes a blaming phrase, and the
    /// classes of `event-words.txt` it belongs to that the coder reads word by word.
    struct Cue {
        var patterns: [EventPatterns.Pattern] = []
        var closesBlame = false
        var classes: WordClasses = []
    }

    /// Classes of ``EventWords`` a word can belong to.
    struct WordClasses: OptionSet {
        let rawValue: UInt8
        static let claimNoun = WordClasses(rawValue: 1)
        static let claimPronoun = WordClasses(rawValue: 2)
        static let discrediting = WordClasses(rawValue: 4)
        static let evidence = WordClasses(rawValue: 8)
        static let negation = WordClasses(rawValue: 16)
    }

    public init(
        patterns: EventPatterns, cameo: CameoTable, words: EventWords, parser: DependencyParser, classifier: EventTypeClassifier? = nil
    ) {
        self.patterns = patterns
        self.cameo = cameo
        self.words = words
        self.parser = parser
        self.classifier = classifier
        var cues = patterns.byTrigger.mapValues { Cue(patterns: $0) }
        for word in words.blameClosers { cues[word, default: Cue()].closesBlame = true }
        let classes: [(Set<String>, WordClasses)] = [
            (words.claimNouns, .claimNoun), (words.claimPronouns, .claimPronoun), (words.discrediting, .discrediting),
            (words.evidence, .evidence), (words.negations, .negation),
        ]
        for (members, wordClass) in classes {
            for word in members { cues[word, default: Cue()].classes.insert(wordClass) }
        }
        self.cues = WordMap(cues)
    }

    public func run(_ document: inout Document) throws {
        var coder = SentenceCoder(document: document, coder: self)
        var events: [Event] = []
        for (index, sentence) in document.sentences.enumerated() where document.blocks[sentence.block].role == .body {
            events += coder.events(in: index)
        }
        // A news outlet carries what actors say and do ("told Reuters", "KCNA said"): it takes no part in their words or
        // cooperation (roots 01 to 08), though it may investigate, or suffer force or restrictions ("AP reporters were
        // barred").
        events.removeAll { event in
            event.code.prefix(2) < "09" && [event.source, event.target].contains { $0.map { document.entities[$0].isNewsOutlet } == true }
        }
        let claims = coder.claims(events: events)
        for (i, event) in events.enumerated() where event.status == .reported || event.status == .alleged {
            if claims.contains(where: { $0.span.contains(event.trigger) && !$0.deniedBy.isEmpty }) { events[i].status = .denied }
        }
        document.events = events
        document.claims = claims
    }
}

/// Event coding over one document's sentences.
struct SentenceCoder {
    let document: Document
    let coder: EventCoder
    /// The entity of each mention.
    let entityOfMention: [Int?]
    /// The ``EventCoder/Cue`` of each token's word.
    let cues: [EventCoder.Cue?]
    /// The actor mentions of each sentence, in order, with their entities (weapons and events are not actors).
    let actorsBySentence: [[(mention: Int, entity: Int)]]
    /// Whether ``EventCoder/classifier`` knows each word seen so far (see ``knows(_:_:)``).
    var knownWords: [String: Bool] = [:]
    /// The sentence whose ``tags`` and ``parse`` are ready.
    var prepared: Int?
    /// The parts of speech of the sentence being coded.
    var tags: [PartOfSpeech] = []
    /// The sentence being coded, parsed: only when the words around a trigger leave its source or target unknown.
    var parsed: ParsedSentence?
    /// Parses the sentence being coded.
    var parse: () -> ParsedSentence? = { nil }
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
        for (m, mention) in document.mentions.enumerated() where mention.type != .weapon && mention.type != .event {
            if let entity = entityOfMention[m], let sentence = mention.sentence, actors.indices.contains(sentence) {
                actors[sentence].append((m, entity))
            }
        }
        actorsBySentence = actors
    }

    var words: EventWords { coder.words }

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
        let actors = actors(in: s)
        // With no actor named, only a quote's speaker ("I applaud ...") or a pair named before ("both sides") can act; else
        // the sentence needs no tagging.
        guard
            !actors.isEmpty || document.quotes.contains(where: { $0.direct && $0.span.range.overlaps(sentence.span.range) })
                || tokens.indices.dropFirst().contains(where: { isPair(tokens, $0) })
        else { return [] }
        prepare(s)
        var out: [Event] = []
        /// Whether each event has its source, and its target where the pattern names one.
        var complete: [Bool] = []
        var previousSubject: [Int] = []
        /// The last light verb whose noun states the event ("launched an offensive", "sent Mr Bush his congratulations").
        var lightVerb: Int?
        /// Where the words of the last verb event end.
        var verbEventEnd: Int?
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            guard let candidates = cues[t]?.patterns, !candidates.isEmpty else {
                k += 1
                continue
            }
            if words.lightVerbs.contains(form(t)), nounTrigger(after: k, tokens) {
                lightVerb = k
                k += 1
                continue
            }
            var fired = false
            for pattern in candidates {
                guard let after = particlesEnd(pattern, tokens, k) else { continue }
                // "a letter signed by Putin": a participle that only describes a noun states no event.
                if !pattern.isNoun, after < tokens.count, form(tokens[after]) == "by", k > 0, !words.be.contains(form(tokens[k - 1])) {
                    continue
                }
                // A noun pattern reads nouns ("a hunger strike"), a verb pattern verbs and adjectives ("ready"); where the
                // tagger is unsure (a participle), the words before decide ("the meeting").
                let finiteVerb = ["VB", "VBD", "VBP", "VBZ"].contains(tags[k].tag)
                // "is meeting British officials": a progressive, whatever the tagger says.
                let progressive = k > 0 && words.be.contains(form(tokens[k - 1])) && form(t).hasSuffix("ing")
                if pattern.isNoun
                    && (progressive
                        || !(tags[k].isNoun || (!finiteVerb && (!coder.patterns.verbForms.contains(form(t)) || looksLikeNoun(tokens, k)))))
                {
                    continue
                }
                if !pattern.isNoun && !progressive && (tags[k].isNoun || (looksLikeNoun(tokens, k) && form(t) != "meeting")) { continue }
                // "a strike drone", "a launch site": a noun describing another states no event.
                if pattern.isNoun, after < tokens.count, ["NN", "NNS"].contains(tags[after].tag),
                    !words.compoundHeads.contains(form(tokens[after]))
                {
                    continue
                }
                // "proposed a meeting": the proposal is the event, the meeting only its object.
                if pattern.isNoun, (max(0, k - 3)..<k).contains(where: { words.intent.contains(form(tokens[$0])) && tags[$0].isVerb }) {
                    continue
                }
                // "for visiting foreign guests": a participle describing a noun.
                if !pattern.isNoun, !progressive, tags[k].tag == "VBG", k + 1 < tokens.count,
                    tags[k + 1].isAdjective || tags[k + 1].tag == "NNS"
                {
                    continue
                }
                // "condemned the launch": a noun in the object of an event's verb.
                let objectOfEvent =
                    pattern.isNoun
                    && verbEventEnd.map { end in
                        end <= k && k - end <= 4
                            && (end..<k).allSatisfy {
                                tags[$0].isDeterminer || tags[$0].isAdjective || tags[$0].isNoun || tags[$0].tag == "PRP$"
                            }
                    } == true
                var (found, targets) = roles(pattern, tokens, k, after, actors, previousSubject, objectOfEvent: objectOfEvent)
                if found.allSatisfy({ $0 == nil }), let speaker = firstPersonSpeaker(tokens, k) {
                    // "I warmly applaud ...", said by Jack Straw.
                    found = [speaker]
                }
                if pattern.isNoun, targets.isEmpty, let light = lightVerb, k - light <= 6 {
                    // The light verb's object receives what the noun states ("sent Mr Bush his congratulations").
                    targets = actors.filter { first($0.mention) > tokens[light] && last($0.mention) < t }.map(\.entity)
                        .filter { !found.contains($0) }.prefix(1).map { $0 }
                }
                let sources = found.compactMap { $0 }
                if !pattern.isNoun { previousSubject = sources }
                // An interaction that needs a counterpart is coded only with it (or between actors who act together:
                // "Obama and Xi will hold talks"); any event needs some actor.
                if targets.isEmpty && pattern.targetRequired && !(sources.count >= 2 && isMutual(pattern)) { continue }
                if sources.isEmpty && targets.isEmpty { continue }
                let status = status(tokens, k)
                // "wanted to meet Moon": an intent to meet (036), not a meeting.
                var code =
                    pattern.code.hasPrefix("04") && k >= 2 && form(tokens[k - 1]) == "to" && words.intent.contains(form(tokens[k - 2]))
                    ? "036" : pattern.code
                // "saw no proof for the slanderous accusation": who rejects an accusation denies it.
                if pattern.isNoun, code.hasPrefix("11"), rejects(sentence.tokens) {
                    code = "016"
                    targets = []
                }
                let trigger = document.tokens[t].span
                // "said it would fire at South Korea": force promised in speech is a threat of force (138).
                if status == .planned, ["18", "19", "20"].contains(String(code.prefix(2))),
                    document.quotes.contains(where: { $0.span.contains(trigger) })
                {
                    code = "138"
                }
                let date = document.date(of: trigger, future: status == .planned)
                if targets.isEmpty, code.hasPrefix("11"), let head = actedOn(tokens, after),
                    let act = acts.last(where: { $0.word == head }) ?? acts.last.flatMap({ s - $0.sentence <= 6 ? $0 : nil }),
                    !sources.contains(act.source)
                {
                    // "condemned the launch": who launched it (the launch named before, else the latest act near).
                    targets = [act.source]
                }
                if let source = sources.first, let root = Int(code.prefix(2)), (13...20).contains(root) {
                    acts.append((source, s, form(t)))
                }
                for (source, target) in pairs(pattern, sources, targets) {
                    complete.append(source != nil && ((target != nil && !guessedTarget) || pattern.targets.first == "-"))
                    out.append(
                        Event(
                            code: code, cameo: coder.cameo[code], source: source, target: target,
                            location: location(tokens, actors), date: date, status: status, attributedTo: attribution(s, trigger),
                            evidence: sentence.span, trigger: trigger, pattern: pattern.text))
                }
                fired = true
                if !pattern.isNoun { verbEventEnd = after }
                k = after
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

    /// Whether a sentence holds a trigger followed by its pattern's particles, or a blaming phrase. A plain loop: a closure
    /// over the coder here would copy it for every word.
    func hasTrigger(_ tokens: [Int]) -> Bool {
        for k in tokens.indices {
            if let cue = cues[tokens[k]] {
                for pattern in cue.patterns where pattern.particles.isEmpty || particlesEnd(pattern, tokens, k) != nil { return true }
            }
            if closesBlame(tokens, k) { return true }
        }
        return false
    }

    /// Tags a sentence and makes ready its parse, once.
    mutating func prepare(_ s: Int) {
        guard prepared != s else { return }
        prepared = s
        let sentence = document.sentences[s]
        let tokens = Array(sentence.tokens)
        let actors = actors(in: s)
        let sentenceWords = tokens.map { Substring(document.forms[$0]) }
        let tagIndices = coder.parser.tagger.partsOfSpeechIndices(sentenceWords)
        tags = tagIndices.map { coder.parser.tagger.posLabels[Int($0)] }
        parsed = nil
        parse = { [document, tags, coder] in
            ParsedSentence(
                tree: coder.parser.parse(sentenceWords, tags: tagIndices).tree, words: tokens.map { document.lowercasedForms[$0] },
                tags: tags,
                actors: actors.map { actor in
                    let words = document.mentions[actor.mention].tokens.clamped(to: sentence.tokens)
                    return ((words.lowerBound - tokens[0])..<(words.upperBound - tokens[0]), actor.entity)
                })
        }
    }

    /// Source-target pairs: each source with each target; coordinated sources of a mutual act with no target act on each
    /// other ("India and Pakistan agreed" both ways).
    func pairs(_ pattern: EventPatterns.Pattern, _ sources: [Int], _ targets: [Int]) -> [(Int?, Int?)] {
        if targets.isEmpty && sources.count >= 2 && isMutual(pattern) {
            return sources.flatMap { a in sources.filter { $0 != a }.map { (a, $0) } }
        }
        let from: [Int?] = sources.isEmpty ? [nil] : sources
        let to: [Int?] = targets.isEmpty ? [nil] : targets
        return from.flatMap { a in to.filter { $0 == nil || $0 != a }.map { (a, $0) } }
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
            if words.clauseEnds.contains(form(tokens[i])) || (tags[i].isVerb && !tags[i].isPastParticiple && tags[i].tag != "VBG") {
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
        guard after + 1 < tokens.count, words.objectDeterminers.contains(form(tokens[after])) else { return nil }
        let phrase = tokens[(after + 1)...].prefix { tags[$0 - tokens[0]].isNoun || tags[$0 - tokens[0]].isAdjective }
        guard let head = phrase.last, !document.mentions.contains(where: { phrase.contains($0.tokens.lowerBound) }) else { return nil }
        return form(head)
    }

    /// Whether a pattern's act can be done together, each actor to the others (cooperation, consultation, aid).
    func isMutual(_ pattern: EventPatterns.Pattern) -> Bool { ["03", "04", "05", "06"].contains(String(pattern.code.prefix(2))) }

    /// Where the particles of a pattern end after the trigger at `k` (an article may come between: "imposed a curfew"), or nil.
    func particlesEnd(_ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int) -> Int? {
        var i = k + 1
        for particle in pattern.particles {
            if i < tokens.count, ["a", "an", "the"].contains(form(tokens[i])), particle != form(tokens[i]) { i += 1 }
            guard i < tokens.count, form(tokens[i]) == particle else { return nil }
            i += 1
        }
        return i
    }

    /// A word used as a noun: after an article, a possessive or an adjective-like modifier ("the visit", "Shoigu's visit").
    func looksLikeNoun(_ tokens: [Int], _ k: Int) -> Bool {
        guard k > 0 else { return false }
        return words.nounMarkers.contains(form(tokens[k - 1]))
    }

    /// Sources and targets of a trigger at `k`: read from the sentence's parse where it names them, else from the
    /// words around the trigger.
    mutating func roles(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, _ after: Int, _ actors: [(mention: Int, entity: Int)],
        _ previousSubject: [Int], objectOfEvent: Bool
    ) -> ([Int?], [Int]) {
        var (sources, targets) = wordRoles(pattern, tokens, k, after, actors, previousSubject, objectOfEvent: objectOfEvent)
        guessedTarget = false
        // The parse can only name an actor of the sentence that the words left out.
        // A source stands before its trigger, or after it in a "by" phrase ("was attacked by rebels").
        let missingSource =
            sources.allSatisfy { $0 == nil }
            && actors.contains { last($0.mention) < tokens[k] || (first($0.mention) > tokens[k] && form(first($0.mention) - 1) == "by") }
        // A target stands after its trigger ("attacked X", "talks with X", "X was attacked by Y" aside, which the words read).
        let missingTarget = targets.isEmpty && actors.contains { !sources.contains($0.entity) && first($0.mention) > tokens[k] }
        guard missingSource || missingTarget else { return (sources, targets) }
        if parsed == nil { parsed = parse() }
        guard let parsed = parsedRoles(pattern, k) else { return (sources, targets) }
        // The words' reading is kept where it names an actor: it knows titles, pairs ("both sides") and apposed names the
        // parse can miss; the parse fills what it leaves empty. A noun in the object of another event is no act of that
        // event's subject ("condemned the launch").
        if sources.allSatisfy({ $0 == nil }), !parsed.sources.isEmpty, !(pattern.isNoun && objectOfEvent) { sources = parsed.sources }
        // A guessed target needs a source, and actors who act together need none ("Kim and Moon agreed").
        let known = sources.compactMap { $0 }
        if targets.isEmpty, !parsed.guessed || !(known.isEmpty || (known.count >= 2 && isMutual(pattern))) {
            targets = parsed.targets
            guessedTarget = parsed.guessed
        }
        return (sources, targets)
    }

    /// Sources and targets of a trigger at `k` from the sentence's dependency tree: a verb's subjects (its passive
    /// agents), a noun's owner, "by" phrase or light verb's subject; the targets where the pattern's slots say.
    func parsedRoles(_ pattern: EventPatterns.Pattern, _ k: Int) -> (sources: [Int], targets: [Int], guessed: Bool)? {
        guard let parsed, k < parsed.tree.count else { return nil }
        if pattern.isNoun {
            var sources = parsed.owner(of: k).map { parsed.actors([$0]) } ?? []
            if sources.isEmpty { sources = parsed.actors(parsed.obliques(of: k, "by")) }
            if sources.isEmpty, let verb = parsed.governingVerb(ofObject: k) { sources = parsed.actors(parsed.subjects(of: verb)) }
            let slots = slotTargets(pattern, k, parsed)
            return slots.isEmpty ? (sources, phraseTargets(pattern, k, parsed, sources: sources), true) : (sources, slots, false)
        }
        let passive = parsed.isPassive(k) || (tags[k].isPastParticiple && parsed.relation(k).base == "acl")
        let sources = parsed.actors(passive ? parsed.agents(of: k) : parsed.subjects(of: k))
        var targets = slotTargets(pattern, k, parsed)
        if passive, targets.isEmpty, pattern.targets.first == "_" { targets = parsed.actors(parsed.passiveSubjects(of: k)) }
        let guessed = targets.isEmpty
        if guessed { targets = phraseTargets(pattern, k, parsed, sources: sources) }
        return (sources.filter { !targets.contains($0) }, targets, guessed)
    }

    /// Where no slot of a pattern names a target, the nearest actor in the trigger's phrase other than its sources
    /// ("ambushed a police convoy in western Afghanistan"; "protested in Borno State"); none for actors who act together.
    func phraseTargets(_ pattern: EventPatterns.Pattern, _ k: Int, _ parsed: ParsedSentence, sources: [Int]) -> [Int] {
        return sources.count >= 2 && isMutual(pattern) ? [] : parsed.actorsBelow(k).filter { !sources.contains($0) }
    }

    /// The targets where a pattern's slots stand in the tree: the objects for `_`, the nominals governed by a
    /// preposition; the first slot that holds an actor wins.
    func slotTargets(_ pattern: EventPatterns.Pattern, _ k: Int, _ parsed: ParsedSentence) -> [Int] {
        for slot in pattern.targets {
            if slot == "-" { return [] }
            let found = parsed.actors(slot == "_" ? parsed.objects(of: k) : parsed.obliques(of: k, slot))
            if !found.isEmpty { return found }
        }
        // "a diplomat it arrested": a relative clause with a subject of its own acts on the noun it describes.
        if pattern.targets.contains("_"), parsed.relation(k).name == "acl:relcl", let noun = parsed.tree.heads[k],
            parsed.objects(of: k).isEmpty,
            !parsed.tree.dependents(of: k, where: \.isSubject).filter({ !parsed.isRelativePronoun($0) }).isEmpty
        {
            return parsed.actors([noun])
        }
        guard !pattern.isNoun else { return [] }
        // Where the pattern's slots are empty, the verb's object, else its oblique against, with, to or on someone.
        let found = parsed.actors(parsed.objects(of: k))
        if !found.isEmpty { return found }
        for preposition in ["against", "with", "to", "on", "at", "from"] {
            let found = parsed.actors(parsed.obliques(of: k, preposition))
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Sources and target of a trigger at `k`, from the words around it.
    func wordRoles(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, _ after: Int, _ actors: [(mention: Int, entity: Int)],
        _ previousSubject: [Int], objectOfEvent: Bool
    ) -> ([Int?], [Int]) {
        let triggerToken = tokens[k]
        let clauseStart = clauseStart(tokens, k)
        let clauseEnd = clauseEnd(tokens, after)
        // "is being supplied", "was welcomed" (a participle after "be"; "is meeting" is active).
        let passive =
            !pattern.isNoun && k > 0 && tags[k].tag != "VBG"
            && (words.be.contains(form(tokens[k - 1])) || (k > 1 && words.be.contains(form(tokens[k - 2]))))
        func heads(_ list: [(mention: Int, entity: Int)]) -> [(mention: Int, entity: Int)] {
            // Drop modifiers: a nationality or a possessive before another actor ("Russia's Defence Minister Sergei Shoigu").
            list.filter { actor in
                let end = last(actor.mention)
                let next = end + 1 < document.tokens.count ? document.forms[end + 1] : ""
                let modifier = document.mentions[actor.mention].kind == .demonym || next == "'s" || next == "'"
                return
                    !(modifier && list.contains { $0.mention != actor.mention && first($0.mention) > end && first($0.mention) <= end + 4 })
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
            if source == nil, let by = index(of: "by", in: tokens, from: after, to: clauseEnd) {
                source = afterTrigger.first { first($0.mention) > by }?.entity
            }
            if source == nil, after < tokens.count, form(tokens[after]) == "between" {
                let between = tokens[after]
                // "talks between X and Y": each acts with the other.
                let pair = afterTrigger.filter { first($0.mention) > between }
                if pair.count >= 2, first(pair[0].mention) <= between + 3,
                    joins(Array((last(pair[0].mention) + 1)..<first(pair[1].mention)))
                {
                    return ([pair[0].entity, pair[1].entity], [])
                }
            }

            // A noun that is the object of a light verb ("extended an invite", "held talks") takes the clause's subject,
            // all of it ("Obama and Xi will hold talks").
            // The object of another event's verb is no act of its subject ("condemned the launch").
            if source == nil, !before.isEmpty, !objectOfEvent {
                return (coordinated(before), nounTargets(pattern, tokens, after, clauseEnd, afterTrigger, actors))
            }
            return (source.map { [$0] } ?? [], nounTargets(pattern, tokens, after, clauseEnd, afterTrigger, actors))
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
            // A verb sharing the subject of the one before ("Kim showed ... and briefed him"), else the apposition that
            // closes just before it ("Trump's adviser, John Bolton, met"), else the sentence's first actor.
            let earlier = heads(actors.filter { last($0.mention) < triggerToken })
            if !previousSubject.isEmpty {
                sources = previousSubject
            } else if let apposition = earlier.last, last(apposition.mention) + 2 == triggerToken, form(triggerToken - 1) == "," {
                sources = [apposition.entity]
            } else {
                sources = earlier.prefix(1).map(\.entity)
            }
        }
        var found = targets(pattern, tokens, after, clauseEnd, afterTrigger)
        if found.isEmpty, pattern.targets.contains("_"), after < tokens.count, form(tokens[after]) == "that",
            let object = actors.first(where: { first($0.mention) > tokens[after] && first($0.mention) <= tokens[after] + 3 })
        {
            // "demanded that Russia end its support": the one the demand is on.
            found = [object.entity]
        }
        return (sources, found)
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
    /// Assad's government carried out", "Congress didn't think Trump should meet"), else the clause's first actor.
    func subject(_ before: [(mention: Int, entity: Int)], _ tokens: [Int], _ k: Int) -> [Int] {
        guard
            let nearest = before.last(where: { actor in
                !inPrepositionalPhrase(actor.mention, tokens)
                    && ((last(actor.mention) + 1)..<tokens[k]).allSatisfy { t in
                        let tag = tags[t - tokens[0]]
                        return !tag.isVerb || words.auxiliaries.contains(form(t))
                    }
            })
        else { return coordinated(before) }
        return chain(ending: nearest, in: before)
    }

    /// The two actors that "both sides" or "the two nations" just before the verb at `k` refer to: the two countries (or
    /// people, for "the two leaders") named most often before it in the article.
    func pairReference(_ before: [(mention: Int, entity: Int)], _ tokens: [Int], _ k: Int) -> [Int?]? {
        guard k > 0, let noun = (1..<k).last(where: { isPair(tokens, $0) }),
            before.allSatisfy({ last($0.mention) < tokens[noun] }),
            ((noun + 1)..<k).allSatisfy({ tags[$0].isVerb || tags[$0].isModal || tags[$0].tag.hasPrefix("RB") })
        else { return nil }
        let type: EntityType = words.pairPeople.contains(form(tokens[noun])) ? .person : .gpe
        // The two named most often before it: the article's pair ("India and Pakistan"), not a city or a third party; countries
        // and people the knowledge base knows.
        var counts: [Int: Int] = [:]
        for m in document.mentions.indices where document.mentions[m].tokens.upperBound <= tokens[noun - 1] {
            guard let entity = entityOfMention[m], document.entities[entity].type == type,
                document.entities[entity].kbID?.hasPrefix(type == .person ? "person:" : "country:") == true
            else { continue }
            counts[entity, default: 0] += 1
        }
        let pair = counts.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(2).map(\.key).sorted()
        return pair.count == 2 ? pair : nil
    }

    /// Whether the word at `i` closes a reference to two actors ("both sides", "the two leaders").
    func isPair(_ tokens: [Int], _ i: Int) -> Bool {
        words.pairOpeners.contains(form(tokens[i - 1]))
            && (words.pairCountries.contains(form(tokens[i])) || words.pairPeople.contains(form(tokens[i])))
    }

    /// Whether an actor is the object of a preposition ("was in India visiting"): no subject.
    func inPrepositionalPhrase(_ mention: Int, _ tokens: [Int]) -> Bool {
        var i = first(mention) - 1 - tokens[0]
        if i >= 0, tags[i].isDeterminer { i -= 1 }
        return i >= 0 && tags[i].isPreposition
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
                    || tag.isAdjective || form(t) == "the") && !words.boundaries.contains(form(t))
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
            !(document.mentions[$0.mention].kind == .pronoun && tags[first($0.mention) - tokens[0]].tag == "PRP$")
        }
        for slot in pattern.targets {
            switch slot {
            case "-":
                return []
            case "_":
                // The direct object: an actor right after the verb, its article or determiner aside.
                // The direct object: an actor right after the verb, its article or determiner aside, no other verb between;
                // or the name in apposition to a short object ("met his counterpart, Chung Eui-yong").
                if let object = candidates.first,
                    after >= tokens.count
                        || (first(object.mention) <= tokens[after] + 4
                            && !(tokens[after]..<first(object.mention)).contains(where: {
                                words.objectBlockers.contains(form($0)) || tags[$0 - tokens[0]].isVerb
                            }))
                        || isApposition(object, after: tokens[after])
                {
                    return coordinated(Array(candidates.drop { $0.mention != object.mention }))
                }
            default:
                // A preposition, not the "to" of an infinitive ("to accept delivery of a Russian system").
                if let preposition = tokens.first(where: { t in
                    t >= (after < tokens.count ? tokens[after] : Int.max) && t <= clauseEnd && form(t) == slot
                        && (t + 1 > tokens.last! || !["VB", "VBP"].contains(tags[t + 1 - tokens[0]].tag))
                }),
                    let object = candidates.first(where: { first($0.mention) > preposition && first($0.mention) <= preposition + 6 })
                {
                    return coordinated(Array(candidates.drop { $0.mention != object.mention }))
                }
            }
        }
        return []
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
                // "and" joins clauses before a verb ("and briefed him"), names elsewhere ("Kim and Shoigu").
                guard word == "and" else { return tokens[i] + 1 }
                if i + 1 <= k, let next = document.forms[tokens[i + 1]].unicodeScalars.first,
                    next.properties.isLowercase, !["the", "a", "an", "his", "her", "its", "their"].contains(form(tokens[i + 1]))
                {
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
    /// or just before the clause ("accusations that ...").
    func status(_ tokens: [Int], _ k: Int) -> Event.Status {
        let near = tokens[max(0, k - 4)..<k].map(form)
        if near.contains(where: words.negations.contains) { return .negated }
        let start = tokens.firstIndex(of: clauseStart(tokens, k)) ?? 0
        let clause = tokens[start..<k].map(form)
        if clause.contains(where: words.hypothetical.contains) { return .hypothetical }
        if near.contains(where: words.future.contains) || (k > 0 && form(tokens[k - 1]) == "to") { return .planned }
        let lead = tokens[max(0, start - 3)..<start].map(form)
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

    /// The speaker of the quote that holds the trigger, or of "according to X" in its sentence.
    func attribution(_ sentence: Int, _ trigger: Span) -> Int? {
        if let quote = document.quotes.first(where: { $0.span.contains(trigger) }) { return quote.speaker }
        let span = document.sentences[sentence].span
        return document.quotes.first { span.contains($0.cue ?? Span(-1, -1)) && !$0.direct && $0.span.contains(trigger) }?.speaker
    }
}
