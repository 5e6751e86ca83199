import DossierCore
import Testing

/// CAMEO codes an intent to act (03) and a refusal to act (12) in codes parallel to the acts themselves; the word of
/// intending or refusing states no event of its own.
@Suite struct CodeMoodTests {
    static let moods = [
        // A refusal before "to": the refusal code of the act, reported.
        ("Russia refused to lift sanctions on Georgia.", ["1241 Russia>Georgia reported"]),
        ("Israel refused to withdraw its troops from Lebanon.", ["1246 Israel>Lebanon reported"]),
        ("The Iranian president declined to meet the French foreign minister.", ["125 Iran>France reported"]),
        // A yield that will not happen is refused: "will not lift".
        ("France will not lift the ban on Britain.", ["1241 France>United Kingdom reported"]),
        // Other acts keep their code, negated.
        ("China did not meet with Japan.", ["040 China>Japan negated"]),
        // An act someone is accused of, named by a gerund or a noun, is alleged, and the accused did it.
        ("Ukraine accused Russia of shelling Kharkiv.", ["112 Ukraine>Russia reported", "193 Russia>Kharkiv alleged"]),
        ("Ukraine blamed Russia for the attack on Kharkiv.", ["112 Ukraine>Russia reported", "190 Russia>Kharkiv alleged"]),
        // An intent before "to": the intent code of the act.
        ("Egypt is willing to withdraw its troops from Gaza.", ["0356 Egypt>Gaza reported"]),
        ("Germany pledged to send troops to Mali.", ["033 Germany>Mali reported"]),
        // Readiness with no act to do, or an act that is no event, states no intent.
        ("Kenya said it was ready.", []),
        ("The Kenyan government is willing to sell its stake.", []),
        // A noun after a verb of intending or cancelling; the verb's actors stand in where the noun names none.
        ("In January, Japan again proposed a meeting with China.", ["036 Japan>China reported"]),
        ("Spain cancelled a planned visit to Morocco.", ["125 Spain>Morocco reported"]),
        // Failing to reach an agreement is rejecting it (127); reaching one is making one (057).
        ("Chile and Peru failed to reach an agreement on fishing.", ["127 Chile>Peru reported", "127 Peru>Chile reported"]),
        ("Chile reached a deal with Peru.", ["057 Chile>Peru reported"]),
        // A refused intent is a rejection; refugees not accepted are asylum not granted.
        ("Hungary says it will not accept the proposal from Syria.", ["120 Hungary>Syria reported"]),
        ("Hungary says it will not accept refugees from Syria.", ["075 Hungary>Syria negated"]),
        // A verb or noun that cuts an act of cooperation: CAMEO's reduction of it.
        ("Sweden suspended talks with Iran.", ["164 Sweden>Iran reported"]),
        ("Norway announced a suspension of aid to Somalia.", ["162 Norway>Somalia reported"]),
    ]

    /// Verbs in the sense the dictionaries agree on (PETRARCH2's CAMEO verb blocks, PLOVER's examples).
    static let senses = [
        // Welcoming a decision or a move endorses it (051); its owner or agent is the target.
        ("Brazil welcomed the decision by Peru to reopen the border.", ["051 Brazil>Peru reported"]),
        ("Kenya welcomed Uganda's decision to withdraw its troops.", ["051 Kenya>Uganda reported"]),
        // Giving is aid; freeing a person is a release; withdrawing peacekeepers reduces relations.
        ("Canada gave $2 million to Haiti.", ["070 Canada>Haiti reported"]),
        // Support is cooperation with someone: supporting a measure or an idea is none.
        ("Kenya supported Uganda in the dispute.", ["050 Kenya>Uganda reported"]),
        ("Kenya supported the measure.", []),
        // Allowing is yielding to someone: allowing a thing to happen is none.
        ("Egypt allowed Gaza's wounded to cross into Sinai.", ["080 Egypt>Gaza reported"]),
        ("Kenya allowed the deadline to pass.", []),
        // A rally is a protest only against someone: a campaign rally is none.
        ("Kenyan students rallied against Uganda.", ["141 Kenya>Uganda reported"]),
        ("Kenyan students held a rally in Nairobi.", []),
        // A disaster kills no one in the political sense: no one did it.
        ("A massive earthquake killed more than 8,000 people in Nepal.", []),
        ("Two Kenyan soldiers were killed in a plane crash in Somalia.", []),
        ("Kenyan troops killed two Somali fighters in Somalia.", ["186 Kenya>Somalia reported"]),
        ("Iran freed two Australian sailors.", ["084 Iran>Australia reported"]),
        ("Qatar withdrew peacekeepers from Djibouti.", ["1661 Qatar>Djibouti reported"]),
        // CAMEO's code book: blockades (191), states of emergency (1724), storming (190), convictions (116, CAMEO 2.0), refuge
        // (0233).
        ("Egypt imposed a blockade on Gaza.", ["191 Egypt>Gaza reported"]),
        ("Peru declared a state of emergency in Lima.", ["1724 Peru>- reported"]),
        ("Chilean police stormed the Bolivian embassy.", ["190 Chile>Bolivia reported"]),
        ("A Ghanaian court convicted two Togolese men.", ["116 Ghana>Togo reported"]),
        ("Thousands of Syrians sought refuge in Jordan.", ["0233 Syria>Jordan reported"]),
        // Going on strike is a protest (143), not an airstrike; calling one off or halting it yields (082).
        ("Kenyan teachers went on strike on Monday.", ["143 Kenya>- reported"]),
        ("Brazilian truck drivers called off a four-day strike.", ["082 Brazil>- reported"]),
        ("Nigerian doctors halted their strike on Monday.", ["082 Nigeria>- reported"]),
        // A relative or subordinate clause ("where", "when", "whose") starts after the trigger's: its phrases are not the
        // trigger's ("met ... in Nairobi, where talks with Somalia" met no Somali).
        ("The Kenyan president met the Ugandan president in Nairobi, where talks with Somalia were held.", ["040 Kenya>Uganda reported"]),
        // Giving back what was taken (0842: "returned to Rome" is a trip) and letting free (0841) are releases; a pardon
        // yields (080, as PETRARCH2 codes it): a concession, not a material act, in PLOVER.
        ("Italy returned the paintings to Greece.", ["0842 Italy>Greece reported"]),
        ("Italy returned to Greece.", []),
        ("Kenya let free two Ugandan journalists.", ["0841 Kenya>Uganda reported"]),
        ("Chile pardoned two Peruvian fishermen.", ["080 Chile>Peru reported"]),
        // Surrendering to someone yields to them (080); a cessation of hostilities, a cease-fire or an armistice declared
        // is a ceasefire (0871).
        ("Malian rebels surrendered to the Algerian army.", ["080 Mali>Algeria reported"]),
        ("Sudan declared a cessation of hostilities on Monday.", ["0871 Sudan>- reported"]),
        // A possessive may stand between a verb and the words of its pattern: "opened its borders".
        ("Jordan opened its borders to Syrian refugees.", ["080 Jordan>Syria reported"]),
        // A name's possessive too, modifiers before a noun of the pattern, and its plural: "closed Chad's land borders",
        // "hit military positions", "declared a 30-day state of siege"; breaking relations (161), violating a truce (196).
        ("Niger closed Chad's land borders.", ["172 Niger>Chad reported"]),
        ("Yemeni fighters hit military positions in Saudi Arabia.", ["193 Yemen>Saudi Arabia reported"]),
        ("The Bolivian army declared a 30-day state of siege in La Paz.", ["1724 Bolivia>La Paz reported"]),
        ("Venezuela severed diplomatic ties with Colombia.", ["161 Venezuela>Colombia reported"]),
        ("Armenian militias violated the ceasefire with Azerbaijan.", ["196 Armenia>Azerbaijan reported"]),
        // Support pledged is support (051), not an intent to cooperate; welcoming what someone decided praises them.
        ("Latvia pledged its full support for Ukraine.", ["051 Latvia>Ukraine reported"]),
        ("Latvia pledged to cooperate with Ukraine.", ["030 Latvia>Ukraine reported", "030 Latvia>Ukraine planned"]),
        ("Latvia welcomed Ukrainian President Volodymyr Zelensky's decision.", ["051 Latvia>Volodymyr Zelensky reported"]),
        // An arrest that names no one who made it is the place's.
        ("Victoire Ingabire was arrested in Rwanda on Monday.", ["173 Rwanda>Victoire Ingabire reported"]),
        // A subject set off from its light verb by an aside still acts; a "by" phrase of a noun further on is not its author.
        ("Ahmed Sidhoum, an activist, staged a hunger strike in Algeria.", ["142 Ahmed Sidhoum>- reported"]),
        ("Iran held talks with Yemen days after the intervention against the rebels by Saudi Arabia.", ["040 Iran>Yemen reported"]),
        // A deployment is named by a noun too.
        ("Nigeria announced the deployment of 230 troops to Liberia.", ["154 Nigeria>Liberia reported"]),
        // An adverb-like modifier before a verb makes no noun of it; "some" stands where an article may.
        ("Lithuania first opened its borders to Syria.", ["080 Lithuania>Syria reported"]),
        ("Sudan eased some restrictions on Uganda.", ["080 Sudan>Uganda reported"]),
        // Ending a strike yields (082); refusing to end it refuses to yield (1242).
        ("Kenyan teachers ended their strike on Monday.", ["082 Kenya>- reported"]),
        ("The Kenyan union said it will not end the strike.", ["1242 Kenya>- reported"]),
        // Striking a deal is no strike.
        ("Kenya struck a trade deal with Uganda.", ["057 Kenya>Uganda reported"]),
        // The verb's object may stand inside a pattern ("found _ guilty"): it is the target.
        ("A Danish court found Ghanaian banker Kofi Mensah guilty of fraud.", ["116 Denmark>Kofi Mensah reported"]),
        ("Syrian rebels held 20 Lebanese soldiers hostage.", ["181 Syria>Lebanon reported"]),
        ("Sudanese militias used Chadian villagers as human shields.", ["184 Sudan>villagers reported"]),
        ("Kenya forced the Somali envoy out of the country.", ["174 Kenya>Somalia reported"]),
        // A trigger that ends the sentence leaves no room for an object.
        ("Syrian rebels took Lebanese hostages and held", ["181 Syria>Lebanon reported"]),
        // A call made to do something is the caller's act too; "called on" someone to act asks them to.
        (
            "Netanyahu called Scott Morrison to congratulate him.",
            [
                "041 Benjamin Netanyahu>Scott Morrison reported", "051 Benjamin Netanyahu>Scott Morrison planned",
            ]
        ),
        // "if" opens a clause: the actor after it is its subject, not a preposition's object.
        ("Kenya will not change its position even if Uganda seeks further talks.", ["036 Uganda>- hypothetical"]),
        // Alerts (152), ceasefires declared alone (0871, a modifier before the pattern's noun aside), assaults (190),
        // contributions (070).
        ("Cambodian troops remained on alert.", ["152 Cambodia>- reported"]),
        // A force put or placed on alert, named between the verb and "on alert".
        ("Iran put its air defences on high alert.", ["152 Iran>- reported"]),
        ("The Kenyan army declared a monthlong ceasefire.", ["0871 Kenya>- reported"]),
        ("Iraqi forces began their assault on Mosul.", ["190 Iraq>Mosul reported"]),
        ("Colombia contributed troops to Haiti.", ["070 Colombia>Haiti reported"]),
        // PETRARCH2's verbs of force and coercion: torture (1822), ambushes and raids (190), sieges (191), massacres (202),
        // incursions (192), prosecutions (173).
        ("Iranian police tortured a prisoner.", ["1822 Iran>- reported"]),
        ("Kenyan soldiers ambushed a Somali convoy.", ["190 Kenya>Somalia reported"]),
        ("Ethiopian troops besieged the Eritrean town.", ["191 Ethiopia>Eritrea reported"]),
        ("Sudanese militias massacred Ethiopian villagers.", ["202 Sudan>Ethiopia reported"]),
        ("Kenya condemned the Ugandan incursion into Kenya.", ["111 Kenya>Uganda reported", "192 Uganda>Kenya reported"]),
        ("Kenya prosecuted two Somali pirates.", ["173 Kenya>Somalia reported"]),
        // Declining, defending and providing are acts between actors only with a counterpart named: "defended the
        // decision", "provided a safe haven" are none; declining to comment is CAMEO's own 011.
        ("Kenya declined to comment.", ["011 Kenya>- reported"]),
        ("Kenya declined Uganda's invitation.", ["120 Kenya>Uganda reported"]),
        ("Kenya defended the decision.", []),
        ("Kenya defended Uganda.", ["052 Kenya>Uganda reported"]),
        ("Kenya provided a safe haven.", []),
        ("Kenya provided medical supplies to Uganda.", ["070 Kenya>Uganda reported"]),
        // "and" before nouns joins them, not clauses: the owner of both acts is the subject.
        ("Kenya expressed its total rejection and strong condemnation of the plan.", ["111 Kenya>- reported"]),
        // Lawsuits (115).
        ("The ACLU sued the FBI on Monday.", ["115 ACLU>Federal Bureau of Investigation reported"]),
    ]

    @Test(arguments: moods + senses)
    func theActIsCoded(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }

    @Test func coordinatedActorsOfAnIntendedMutualActActOnEachOther() throws {
        let document = try understand("Argentina and Chile agreed to hold talks on their border.")
        #expect(document.eventLines == ["036 Argentina>Chile reported", "036 Chile>Argentina reported"])
        // What they act on is no counterpart: the parse's guess from an object's phrase gives way to each other.
        let sharing = try understand("Trump and Putin have agreed to share information on North Korea.")
        #expect(sharing.eventLines == ["0314 Donald Trump>Vladimir Putin reported", "0314 Vladimir Putin>Donald Trump reported"])
    }

    @Test func theCodeBookGivesEachActItsMoods() throws {
        let cameo = LanguageData.english.cameo
        #expect(cameo["085"]?.intent == "0354")
        #expect(cameo["085"]?.refusal == "1244")
        #expect(cameo["0871"]?.refusal == "1246")
        #expect(cameo["195"]?.intent == "138")
        #expect(cameo["112"]?.intent == nil)
        #expect(cameo["073"]?.reduction == "1623")
    }
}

/// Who an act is done to where no one is named as its target.
@Suite struct PlaceTargetTests {
    @Test func anActOnAPlaceWithNoOneNamedIsDoneToThePlace() throws {
        #expect(try understand("The United Nations suspended aid in Nigeria.").eventLines == ["162 United Nations>Nigeria reported"])
        // A statement made in a place is not made to it.
        #expect(try understand("Vladimir Putin made a statement in Beijing.").events.allSatisfy { $0.target == nil })
    }
}

/// An actor is never its own counterpart: where the only target found is the source, the event stands without one (or
/// with an agent).
@Suite struct OwnCounterpartTests {
    @Test(arguments: [
        ("Kenyan police arrested twenty men, including a man from Nairobi.", ["173 Kenya>men reported"]),
        ("Kenyan police detained the Kenya head of a rights group.", ["173 Kenya>- reported"]),
        // A noun's event too, and the next actor named after it is its target.
        ("German police opened an investigation into Germany defender Christoph Metzelder.", ["090 Germany>Christoph Metzelder reported"]),
        ("Kenyan police opened an investigation into Kenya.", ["090 Kenya>- reported"]),
    ])
    func theEventStandsWithoutTheSourceAsTarget(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }
}

/// Words with a sense outside politics state an event only in the political one.
@Suite struct WordSenseTests {
    @Test(arguments: [
        // A phone call, not a name given.
        ("Chancellor Angela Merkel called President Emmanuel Macron on Tuesday.", ["041 Angela Merkel>Emmanuel Macron reported"]),
        // Naming with a word of disapproval is criticism (111), of the one named or of whoever did the act named.
        ("Chancellor Angela Merkel called President Emmanuel Macron a reckless man.", ["111 Angela Merkel>Emmanuel Macron reported"]),
        ("Kenya called Uganda's decision illegal.", ["111 Kenya>Uganda reported"]),
        ("Russia called the sanctions unacceptable.", ["111 Russia>- reported"]),
        (
            "Kenyan troops shelled Somalia on Monday. Uganda called it illegal.",
            ["193 Kenya>Somalia reported", "111 Uganda>Kenya reported"]
        ),
        ("Chancellor Angela Merkel called the tactics of the French police \"aggressive\".", []),
        ("The law is called the Affordable Care Act in Washington.", []),
        ("Aides of Vladimir Putin set up a firm called Rosneft.", []),
        // A request, not a question.
        ("President Barack Obama asked Congress to act.", ["020 Barack Obama>US Congress reported"]),
        ("Iraq asked the United Nations for help.", ["020 Iraq>United Nations reported"]),
        ("Justice Samuel Alito asked whether the law applied.", []),
        ("Senator Brian Schatz asked Attorney General William Barr that very question.", []),
        // Wanting another to act demands it; wanting someone as something does not.
        ("The United States wanted Iran to stop its enrichment.", ["100 United States>Iran reported"]),
        ("Democrats wanted Joe Biden as their nominee.", []),
        ("Democrats wanted to impeach Donald Trump.", []),
        // Declining to comment is CAMEO's 011, no rejection of what it would comment on; refusing an act is a refusal.
        ("Sergei Lavrov declined to comment.", ["011 Sergei Lavrov>- reported"]),
        ("Kenya refused to lift sanctions on Uganda.", ["1241 Kenya>Uganda reported"]),
        // Freeing people, giving goods; not publishing.
        ("Iran released two British sailors on Monday.", ["084 Iran>United Kingdom reported"]),
        ("The Pentagon released a report on Iran on Monday.", []),
        ("A statement released by the Pentagon criticised Iran.", ["111 Pentagon>Iran reported"]),
        // Sending people to speak, or giving a briefing, is no aid; sending troops is.
        ("Kenya sent a delegation to Uganda.", []),
        ("NATO officials will give a briefing today on Ukraine.", []),
        ("Kenya sent troops to Somalia.", ["070 Kenya>Somalia reported"]),
        // Shots fired, not an official.
        ("Israeli soldiers fired on Palestinian protesters.", ["190 Israel>Palestine reported"]),
        ("President Donald Trump fired FBI Director James Comey.", []),
        // A test of weapons, not of health.
        ("North Korea tested a new ballistic missile.", ["150 North Korea>- reported"]),
        ("Vice President Mike Pence tested negative for the virus.", []),
        // A threat is made by someone; else it is a danger.
        ("Experts said the launch poses a threat to Japan.", []),
        ("North Korea issued a threat to Japan.", ["130 North Korea>Japan reported"]),
    ])
    func theEventIsCodedInItsSenseOnly(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }
}

/// A description of a person named in the report acts for that person, not for the country inside it.
@Suite struct DescribedActorTests {
    @Test func theHoldersOfTwoCountriesOfficesMeet() throws {
        let document = try understand(
            "Chinese President Xi Jinping arrived. US President Joe Biden waited. Talks between the US and Chinese presidents began.")
        #expect(document.eventLines == ["040 Joe Biden>Xi Jinping reported", "040 Xi Jinping>Joe Biden reported"])
    }
}

/// Actors named only by what they are (PETRARCH2's agents) fill the roles no named actor fills.
@Suite struct AgentTests {
    @Test(arguments: [
        ("Police in Nairobi arrested the protesters.", ["173 Kenya>protesters reported"]),
        // A named actor keeps its role; the agent takes only the empty one.
        ("Venezuela freed two journalists.", ["084 Venezuela>journalists reported"]),
        // What is sent is no target.
        ("Kenya sent soldiers on Monday.", ["070 Kenya>- reported"]),
        // Where a country or an owner qualifies the agent, it stands for it.
        ("Kenyan police arrested Nigerian students.", ["173 Kenya>Nigeria reported"]),
        // A town only says where the agent is; so does a country for an agent not of its state.
        ("Protesters in the town of Gjilan burned a Serbian flag.", ["141 Protesters>Serbia reported"]),
        ("Two journalists were released by rebel forces in Tripoli.", ["084 rebel forces>journalists reported"]),
    ])
    func agentsFillEmptyRoles(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }

    @Test func anAgentIsAnUnscoredEntityWithItsSector() throws {
        let document = try understand("Kenya arrested the protesters. The protesters were released by Kenya later.")
        let protesters = try #require(document.entities.first { $0.name == "protesters" })
        #expect(protesters.type == .agent)
        #expect(protesters.sector == "OPP")
        #expect(protesters.mentions.count == 2)
        // A noun that only describes another names no agent ("a police station").
        let station = try understand("Rebels attacked a police station in Kenya.")
        #expect(station.entities.contains { $0.name == "Rebels" })
        #expect(station.entities.allSatisfy { $0.name != "police" })
    }
}

/// A dateline says where a report was filed: its place takes no part in the events of the sentence it opens.
@Suite struct DatelineTests {
    @Test(arguments: [
        "NAIROBI -- Ugandan troops attacked Somalia on Monday.",
        "NAIROBI, Kenya (AP) - Ugandan troops attacked Somalia on Monday.",
        "Nairobi: Ugandan troops attacked Somalia on Monday.",
    ])
    func theDatelinePlaceIsNoActor(sentence: String) throws {
        #expect(try understand(sentence).eventLines == ["190 Uganda>Somalia reported"])
    }

    @Test func aCreditInParenthesesOpeningTheSentenceIsNoActor() throws {
        #expect(try understand("(CNN) Ugandan police arrested three Kenyan fishermen.").eventLines == ["173 Uganda>Kenya reported"])
    }
}

/// Who says that another must act demands it of them (or appeals to them); a subject that must act, with no one else
/// saying so, is asked nothing.
@Suite struct ReportedDemandTests {
    @Test func theSpeakerDemandsOfTheOneWhoMustAct() throws {
        #expect(try understand("Kenya says Uganda must withdraw.").eventLines.first == "100 Kenya>Uganda reported")
    }

    @Test func whoConcludesThatAnotherMustActDemandsIt() throws {
        #expect(try understand("Uganda concluded that Kenya must allocate more funds.").eventLines == ["100 Uganda>Kenya reported"])
    }

    /// "should" demands as "must" does; "has to", "needs to" and "ought to" appeal; every actor coordinated in the
    /// subject is asked.
    @Test(arguments: [
        ("Kenya said Uganda should pay more.", ["100 Kenya>Uganda reported"]),
        ("Kenya said Uganda has to withdraw its troops.", ["020 Kenya>Uganda reported"]),
        ("Kenya said Uganda and Tanzania need to withdraw.", ["020 Kenya>Uganda reported", "020 Kenya>Tanzania reported"]),
        ("The deal should be signed next week, Kenya said.", []),
        ("Kenya said Uganda should have done more.", ["111 Kenya>Uganda reported"]),
    ])
    func otherWordsOfObligationAskTheSubject(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }

    @Test(arguments: [
        "Uganda must now find its own way.",
        "Kenyan officials said Kenya must work harder.",
        // No one says it: a rule, not a demand.
        "People must stay home in Kenya.",
    ])
    func aSubjectThatMustActDemandsNothingOfItself(sentence: String) throws {
        #expect(try understand(sentence).events.allSatisfy { $0.code != "100" })
    }
}
