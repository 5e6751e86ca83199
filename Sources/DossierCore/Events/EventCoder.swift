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
    public let requires: Set<Layer> = [.furniture, .tokens, .sentences, .times, .mentions, .entities, .quotes]
    /// Besides events and claims, the agents it reads as actors ("police", "rebels") join the mentions and entities.
    public let assigns: Set<Layer> = [.events, .claims, .mentions, .entities]
    public let patterns: EventPatterns
    public let cameo: CameoTable
    public let words: EventWords
    /// Parses the sentences that hold a trigger: its tags tell verbs from nouns ("they visit" from "the visit"), its
    /// tree who did what to whom.
    public let parser: DependencyParser
    /// Types the events of sentences whose words fire no pattern, when given.
    public let classifier: EventTypeClassifier?
    /// Nouns that name actors by what they are ("police", "protesters"), read as actors where no one is named, when
    /// given.
    public let agents: AgentNouns?
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
        /// The first word of an agent phrase ("police", "rebel").
        static let agentStart = WordClasses(rawValue: 32)
        /// A verb that may state a claim about its object ("linking the attacks to China").
        static let claimFrame = WordClasses(rawValue: 64)
        static let deniedAct = WordClasses(rawValue: 128)
    }

    /// The pattern of a naming verb whose object is given a word of disapproval ("called the launch a provocative act"):
    /// criticism (111) of its object, or of whoever did the act it names.
    static let judgingName = EventPatterns.Pattern(
        code: "111", particles: [], isNoun: false, targets: ["_"], targetRequired: false, objectRequired: false,
        text: "111\tcall|calls|called|calling OBJECT DISAPPROVAL\t_ (a naming verb and a word of an 11 pattern after its object)")

    /// The pattern of an attack made in words ("launched a scathing attack on the government", "personal attacks
    /// against Clinton"): criticism (111), not force.
    static let verbalAttack = EventPatterns.Pattern(
        code: "111", particles: [], isNoun: true, targets: ["on", "against"], targetRequired: true, objectRequired: false,
        text: "111\tVERBAL n:attack|attacks|assault|assaults|onslaught\t! on against (a noun of force after a word of speech)")

    /// The most words a sentence may have for its events to be read: far above news prose (the longest of the bulk
    /// corpus's 58,000 sentences has 348 words, a list of countries), below the lengths where reading a sentence costs
    /// seconds (each trigger weighs every actor of its sentence). A longer sentence is left out with a diagnostic.
    public static let maxSentenceWords = 400

    public init(
        patterns: EventPatterns, cameo: CameoTable, words: EventWords, parser: DependencyParser, classifier: EventTypeClassifier? = nil,
        agents: AgentNouns? = nil
    ) {
        self.agents = agents
        self.patterns = patterns
        self.cameo = cameo
        self.words = words
        self.parser = parser
        self.classifier = classifier
        var cues = patterns.byTrigger.mapValues { Cue(patterns: $0) }
        for word in words.blameClosers { cues[word, default: Cue()].closesBlame = true }
        let classes: [(Set<String>, WordClasses)] = [
            (words.claimNouns, .claimNoun), (words.claimPronouns, .claimPronoun), (words.discrediting, .discrediting),
            (words.evidence, .evidence), (words.negations, .negation), (Set(words.claimFrames.keys), .claimFrame),
            (words.deniedActs, .deniedAct),
        ]
        for (members, wordClass) in classes {
            for word in members { cues[word, default: Cue()].classes.insert(wordClass) }
        }
        for word in agents.map({ Array($0.phrases.keys) }) ?? [] { cues[word, default: Cue()].classes.insert(.agentStart) }
        self.cues = WordMap(cues)
    }

    public func run(_ document: inout Document) throws {
        var coder = SentenceCoder(document: document, coder: self)
        var events: [Event] = []
        var tooLong = 0
        for (index, sentence) in document.sentences.enumerated() where document.blocks[sentence.block].role == .body {
            guard sentence.tokens.count <= Self.maxSentenceWords else {
                tooLong += 1
                continue
            }
            events += coder.events(in: index)
        }
        if tooLong > 0 {
            document.diagnostics.append(
                Diagnostic("\(tooLong) sentence(s) of more than \(Self.maxSentenceWords) words: their events were not read"))
        }
        // The agents that were read as actors join the document's mentions and entities.
        document.mentions = coder.document.mentions
        document.entities = coder.document.entities
        speakForStates(&events, document.entities)
        // A news outlet carries what actors say and do ("told Reuters", "KCNA said"): it takes no part in their words or
        // cooperation (roots 01 to 08), though it may investigate, or suffer force or restrictions ("AP reporters were
        // barred").
        events.removeAll { event in
            cameo.holds(.outletsTakeNoPart, event.code)
                && [event.source, event.target].contains { $0.map { document.entities[$0].isNewsOutlet } == true }
        }
        let claims = coder.claims(events: events)
        for (i, event) in events.enumerated() where event.status == .reported || event.status == .alleged {
            if claims.contains(where: { $0.span.contains(event.trigger) && !$0.deniedBy.isEmpty }) { events[i].status = .denied }
        }
        document.events = events
        // A speaker who negates what they report denies it; the acts it names keep their status ("said its pledge,
        // made at the summit, was not the result of sanctions": the summit was held).
        document.claims = coder.negatedReports(claims)
    }
}

extension EventCoder {
    /// A state's own news agency speaks for its state ("KCNA said Washington was misleading the world": North Korea
    /// accuses the United States), when the report names the state: the state becomes the source and the agency the
    /// channel the event is attributed to.
    func speakForStates(_ events: inout [Event], _ entities: [Entity]) {
        for i in events.indices {
            guard let source = events[i].source, entities[source].speaksForState, let country = entities[source].country,
                let state = entities.firstIndex(where: { $0.kbID == "country:" + country }), events[i].target != state
            else { continue }
            events[i].source = state
            if events[i].attributedTo == nil { events[i].attributedTo = source }
        }
    }
}
