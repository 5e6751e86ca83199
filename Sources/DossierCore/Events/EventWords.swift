/// The words the event coder reads besides its patterns, from `event-words.txt`.
public struct EventWords: Sendable {
    public let negations: Set<String>
    public let future: Set<String>
    /// Words with which an actor announces its own act ("will"): an act of cooperation so announced is an intent.
    public let announcing: Set<String>
    /// Words between an agent and a place that say where the agent is ("protesters in Gjilan").
    public let locating: Set<String>
    public let alleged: Set<String>
    /// Adverbs that hedge a statement wherever they stand in its clause ("reportedly").
    public let hedges: Set<String>
    public let hypothetical: Set<String>
    /// Words before a trigger that make it a possibility, not a plan ("might snub", "could be used").
    public let possible: Set<String>
    /// Words before "to" and a trigger with which the act took place ("was quick to condemn", "voted to impose").
    public let accomplished: Set<String>
    public let be: Set<String>
    public let boundaries: Set<String>
    public let claimNouns: Set<String>
    public let claimPronouns: Set<String>
    /// Words before a trigger that make it a noun ("the visit", "Shoigu's visit").
    public let nounMarkers: Set<String>
    /// Words that end the clause after a trigger.
    public let clauseEnds: Set<String>
    /// Words between a verb and an actor that show the actor is not its object ("a reception from Kim").
    public let objectBlockers: Set<String>
    /// Relative pronouns: the clause they start has the actor just before them as subject.
    public let relativePronouns: Set<String>
    /// Words with which a speaker rejects a claim ("slanderous", "baseless").
    public let discrediting: Set<String>
    /// What a speaker says there is none of ("no proof").
    public let evidence: Set<String>
    /// Verbs that state a claim about their object when a word follows it ("linking the attacks to China", "condemned
    /// the launch as a missile test"): each verb with its words.
    public let claimFrames: [String: Set<String>]
    /// Words that open a sentence answering what was said before ("But Ebell said ...").
    public let contrasts: Set<String>
    /// Words before a noun of force that make it an attack in words ("a scathing attack", "personal attacks").
    public let verbalAttacks: Set<String>
    /// Words before a noun of force that make it a campaign, no force ("a diplomatic offensive", "a trade war").
    public let campaigns: Set<String>
    /// Words with which a speaker plays down what was said of something ("it was merely a test").
    public let rebuttals: Set<String>
    /// Words after "was not" that make a speaker deny a fact, not an attitude ("was not the result of sanctions").
    public let deniedFacts: Set<String>
    /// Nouns a denial names the denied act by ("denied any involvement"), besides a gerund ("denied supplying arms").
    public let deniedActs: Set<String>
    /// Verbs with which an actor calls a claim untrue, with no verb of saying ("called the allegation absurd").
    public let discreditingVerbs: Set<String>
    /// Words that may stand between a denial and the act it names ("denied *any* involvement", "denied *having* ...").
    public let denialOpeners: Set<String>
    /// Verbs that may stand between a subject and its verb ("has met").
    public let auxiliaries: Set<String>
    /// Verbs whose object noun states the event ("held talks", "launched an offensive").
    public let lightVerbs: Set<String>
    /// Other verbs whose subject does the act their object noun names ("began an offensive", "attended the talks").
    public let engaging: Set<String>
    /// Verbs of holding, membership and being: no event type is learned for them ("Democrats hold a majority").
    public let unlearned: Set<String>
    /// Words of wanting, planning or promising before "to": the act they lead to is intended ("wanted to meet").
    public let intent: Set<String>
    /// Words of refusing before "to": the act they lead to is refused ("refused to lift").
    public let refusal: Set<String>
    /// Verbs that call off the cooperative act their object names ("cancelled a planned visit").
    public let cancelling: Set<String>
    /// Words that cut the cooperative act they govern ("suspended aid", "a suspension of aid").
    public let reducing: Set<String>
    /// Words that cut a sanction, so ease it ("an easing of sanctions", "the embargo will be lifted").
    public let easing: Set<String>
    /// Participles of feeling: after "be", felt by the subject ("Turkey is angered at the U.S."); else by the object, at
    /// no one named ("the move angered Beijing").
    public let felt: Set<String>
    /// First-person words: in a quote, the speaker acts ("I applaud", "my administration will").
    public let firstPerson: Set<String>
    /// Nouns after a noun trigger that leave it the event ("mediation efforts", "demand today").
    public let compoundHeads: Set<String>
    /// Verbs whose coordinated subjects act on each other ("India and Pakistan clashed", "exchanged fire").
    public let reciprocal: Set<String>
    /// Words that open a reference to two actors named before ("both sides", "the two nations").
    public let pairOpeners: Set<String>
    /// Nouns of such a reference to two countries ("nations", "sides") and to two people ("leaders").
    public let pairCountries: Set<String>
    public let pairPeople: Set<String>
    /// Two-word predicates that lay an act at an actor's door ("carried out", "was behind").
    public let blame: Set<String>
    /// The last words of ``blame``: rare words that a sentence must hold for a blame to be looked for.
    public let blameClosers: Set<String>
    /// Things an actor proposes or asks for: a response to one is aimed at its author ("refused a request from India").
    public let proposals: Set<String>
    /// Words that open an object naming an act ("condemned the launch", "this provocation").
    public let objectDeterminers: Set<String>
    /// Nouns that make a person's name stand for the state ("Assad's government").
    public let governments: Set<String>
    /// Verbs whose object does the act of the infinitive after it ("urged Iran to stop"); after any other verb with an
    /// object, its subject does ("summoned the envoy to complain").
    public let objectControl: Set<String>
    /// Nouns that follow a verb as adverbs, no object of it ("returned home", "returned fire").
    public let adverbialNouns: Set<String>
    /// Verbs that may name or describe their object ("called it a coup", "a firm called Pravda"): so used, their bare
    /// patterns state no event.
    public let namingVerbs: Set<String>
    /// Words of obligation whose patterns code an appeal or a demand when said of an actor ("Trump said South Korea
    /// should pay more"): the speaker asks the actor.
    public let obligations: Set<String>
    /// Articles and determiners that may stand between a trigger and its pattern's words ("imposed a curfew", "eased
    /// some restrictions").
    public let patternDeterminers: Set<String>
    /// Verbs that request only with "for" or "to" and a verb after them ("asked Iran to stop", "asked for help"); else
    /// they ask a question ("asked whether", "Alito asked.").
    public let questionVerbs: Set<String>
    /// Things published or said, and people sent to speak: "released a report", "sent a letter", "sent a delegation" is no
    /// release nor aid.
    public let documents: Set<String>
    /// Verbs that dismiss a person they take as object: "fired FBI Director James Comey" is no use of force.
    public let dismissals: Set<String>
    /// Words after an actor and a past participle that make it a passive without its auxiliary ("soldiers wounded in
    /// the ambush").
    public let reducedPassiveEnds: Set<String>
    /// Causes of death and damage that no one commits ("earthquake", "crash", "cholera").
    public let disasters: Set<String>
    /// Words after an act of force that open its cause ("killed in a plane crash").
    public let causePrepositions: Set<String>

    init(lines: [Substring]) throws {
        let classes = try Resource.wordClasses(lines, file: "event-words.txt")
        func set(_ name: String) throws -> Set<String> { try Resource.words(of: name, in: classes, file: "event-words.txt") }
        negations = try set("negation")
        future = try set("future")
        announcing = try set("announce")
        locating = try set("locating")
        alleged = try set("alleged")
        hedges = try set("hedge")
        hypothetical = try set("hypothetical")
        possible = try set("possible")
        accomplished = try set("accomplished")
        be = try set("be")
        boundaries = try set("boundary")
        claimNouns = try set("claim")
        claimPronouns = try set("claim-pronoun")
        objectBlockers = try set("not-object")
        nounMarkers = try set("noun-marker")
        clauseEnds = try set("clause-end")
        relativePronouns = try set("relative")
        discrediting = try set("discredit")
        evidence = try set("evidence")
        claimFrames = try set("claim-frame").reduce(into: [:]) { frames, entry in
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 2 { frames[words[0], default: []].insert(words[1]) }
        }
        contrasts = try set("contrast")
        rebuttals = try set("rebuttal")
        verbalAttacks = try set("verbal-attack")
        campaigns = try set("campaign")
        deniedFacts = try set("denied-fact")
        deniedActs = try set("denied-act")
        discreditingVerbs = try set("discredit-verb")
        denialOpeners = try set("denial-opener")
        auxiliaries = try set("auxiliary")
        lightVerbs = try set("light")
        engaging = try set("engage")
        unlearned = try set("unlearned")
        intent = try set("intent")
        refusal = try set("refusal")
        cancelling = try set("cancel")
        reducing = try set("reduce")
        easing = try set("ease")
        felt = try set("felt")
        firstPerson = try set("first-person")
        compoundHeads = try set("event-head")
        reciprocal = try set("reciprocal")
        pairOpeners = try set("pair-opener")
        pairCountries = try set("pair-countries")
        pairPeople = try set("pair-people")
        blame = try set("blame")
        governments = try set("government")
        proposals = try set("proposal")
        objectDeterminers = try set("object-determiner")
        objectControl = try set("object-control")
        adverbialNouns = try set("adverbial-noun")
        namingVerbs = try set("naming")
        obligations = try set("obligation")
        patternDeterminers = try set("pattern-determiner")
        questionVerbs = try set("question")
        documents = try set("document")
        dismissals = try set("dismissal")
        reducedPassiveEnds = try set("reduced-passive-end")
        disasters = try set("disaster")
        causePrepositions = try set("cause-preposition")
        blameClosers = Set(blame.compactMap { $0.split(separator: " ").last.map(String.init) })
    }
}
