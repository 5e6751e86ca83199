import DossierCore
import Testing

extension Document {
    /// Quotes as "speaker: text".
    var quoteLines: [String] {
        quotes.map { "\($0.speaker.map { entities[$0].name } ?? "?"): \(string($0.span))\($0.direct ? "" : " (indirect)")" }
    }

    /// Events as "code source>target status".
    var eventLines: [String] {
        events.map { event in
            let source = event.source.map { entities[$0].name } ?? "-"
            let target = event.target.map { entities[$0].name } ?? "-"
            return "\(event.code) \(source)>\(target) \(event.status.rawValue)"
        }
    }
}

@Suite struct QuoteTests {
    @Test func directQuotesWithTheirSpeakers() throws {
        let document = try understand(
            """
            “The talks were useful,” Vladimir Putin said. Xi Jinping said: “We agree.”

            “We will meet again,” said Putin. “And we will talk more.”
            """)
        #expect(
            document.quoteLines == [
                "Vladimir Putin: The talks were useful", "Xi Jinping: We agree.", "Vladimir Putin: We will meet again",
                "Vladimir Putin: And we will talk more.",
            ])
        #expect(document.quotes.allSatisfy { $0.date == "2023-07-26" })
    }

    @Test func aQuoteTakesTheTimeOfItsAttribution() throws {
        let document = try understand("“We are ready,” Xi Jinping said on Monday.")
        #expect(document.quotes.map(\.date) == ["2023-07-24"])
    }

    @Test func indirectSpeech() throws {
        let document = try understand(
            """
            Shoigu conveyed a letter to Kim Jong Un, KCNA said. Lee Sung Joon, a spokesperson for South Korea's Joint Chiefs of \
            Staff, said that the military was analysing the assets. According to a BBC report, one drone resembled an American one.
            """)
        #expect(
            document.quoteLines == [
                "KCNA: Shoigu conveyed a letter to Kim Jong Un (indirect)",
                "Lee Sung Joon: the military was analysing the assets (indirect)",
                "BBC: one drone resembled an American one (indirect)",
            ])
    }
}

/// Where reported speech starts and ends, and who speaks, in sentences written for these tests.
@Suite struct ReportedSpeechTests {
    @Test func aVerbAfterADirectQuoteReportsNothingMore() throws {
        let document = try understand(
            """
            “We will talk again,” Vladimir Putin said at a press conference in Moscow.

            “The talks went well,” said Xi Jinping, the Chinese president.

            “A lifeline,” Joe Biden wrote after Reuters reported the investment.
            """)
        #expect(
            document.quoteLines == [
                "Vladimir Putin: We will talk again", "Xi Jinping: The talks went well", "Joe Biden: A lifeline",
            ])
    }

    @Test func theSpeakerBeforeAnAsideSetOffByCommas() throws {
        let document = try understand(
            """
            Sergei Lavrov, who met Antony Blinken in Geneva on Friday, said that the talks had failed.

            The foreign minister, Wang Yi, has said the visit would go ahead.

            Two senators, Mike Lee and Jerry Moran, said the bill went too far.

            The only criticism came from Chris Christie, who noted that John Kasich had hired more staff.
            """)
        #expect(
            document.quoteLines == [
                "Sergei Lavrov: the talks had failed (indirect)", "Wang Yi: the visit would go ahead (indirect)",
                "Jerry Moran: the bill went too far (indirect)", "Chris Christie: John Kasich had hired more staff (indirect)",
            ])
    }

    @Test func wordsQuotedWithinReportedSpeechBelongToIt() throws {
        let document = try understand("Sergei Lavrov said Russia had seen no proof of the “slanderous” claims.")
        #expect(document.quoteLines == ["Sergei Lavrov: Russia had seen no proof of the “slanderous” claims (indirect)"])
    }

    @Test func aFrameAtTheSentencesEndReportsAllBeforeIt() throws {
        let document = try understand(
            """
            Kim Jong Un told Moon Jae-in of his plans, KCNA said on Sunday, but it gave no details.

            Russia moved troops to the border, said Antony Blinken.

            The test took place on Friday, Reuters reported, noting that Kim Jong Un was also reported to be there.
            """)
        #expect(
            document.quoteLines == [
                "KCNA: Kim Jong Un told Moon Jae-in of his plans (indirect)",
                "Antony Blinken: Russia moved troops to the border (indirect)",
                "Reuters: The test took place on Friday (indirect)", "Reuters: Kim Jong Un was also reported to be there (indirect)",
            ])
    }

    @Test func whatIsSaidOpensWithThatAfterTheOneAddressedOrAnAside() throws {
        let document = try understand(
            """
            Mike Pence told reporters during the flight home to Washington that the allies were united.

            Moon Jae-in said, after meeting Xi Jinping in Beijing, that both sides were ready.
            """)
        #expect(
            document.quoteLines == [
                "Mike Pence: the allies were united (indirect)", "Moon Jae-in: both sides were ready (indirect)",
            ])
    }

    @Test func aSpeakerStandsInTheVerbsOwnClause() throws {
        // "the newspaper" names no one: Moon Jae-in, before the comma, is not who reported it.
        let document = try understand("The talks ended without a deal for Moon Jae-in, the newspaper reported.")
        #expect(document.quotes.isEmpty)
    }

    @Test func onlyVerbsThatDropThatReportAClauseWithoutIt() throws {
        let document = try understand(
            """
            Xi Jinping concluded his visit to Moscow on Sunday. Vladimir Putin announced his decision. Joe Biden said the talks failed.
            Emmanuel Macron confirmed the summit was over.
            """)
        #expect(document.quoteLines == ["Joe Biden: the talks failed (indirect)", "Emmanuel Macron: the summit was over (indirect)"])
    }

    @Test func whoFollowsAQuestionOrTheVerbTellIsNoSpeaker() throws {
        let document = try understand(
            """
            Reporters asked whether Rex Tillerson had seen the evidence.

            Kim Jong Un wanted to meet Moon Jae-in soon, his sister told Moon Jae-in.
            """)
        #expect(document.quotes.isEmpty)
    }

    @Test func aQuotedWordBeforeTheFrameIsPartOfTheReport() throws {
        let document = try understand("Kim Yo Jong told Moon Jae-in of her brother’s “intention”, KCNA said, without elaborating.")
        #expect(document.quoteLines == ["KCNA: Kim Yo Jong told Moon Jae-in of her brother’s “intention” (indirect)"])
    }

    @Test func aParticipleOfSayingSpeaksForItsClausesSubject() throws {
        let document = try understand(
            """
            Donald Trump defended Kim Jong Un, saying he did not know about the attack.

            Earlier Michael Howard sent George Bush his congratulations, saying: “We look to the president.”
            """)
        #expect(
            document.quoteLines == [
                "Donald Trump: he did not know about the attack (indirect)", "Michael Howard: We look to the president.",
            ])
    }

    @Test func aSpeakerReportsAgainAfterACommaOrAnd() throws {
        let document = try understand(
            """
            Donald Trump said the deal was unfair, adding that South Korea should pay more.

            “I thought it was unfair,” Donald Trump said, adding that South Korea should pay more.

            Joe Biden has said he will keep the sanctions and has said the talks failed.
            """)
        #expect(
            document.quoteLines == [
                "Donald Trump: the deal was unfair (indirect)", "Donald Trump: South Korea should pay more (indirect)",
                "Donald Trump: I thought it was unfair", "Donald Trump: South Korea should pay more (indirect)",
                "Joe Biden: he will keep the sanctions (indirect)", "Joe Biden: the talks failed (indirect)",
            ])
    }

    @Test func aReportEndingWithAccordingToIsItsSources() throws {
        let document = try understand(
            """
            The two leaders may make progress on trade, according to Kurt Campbell.

            “We saw alarming steps when Syria was attacked,” Sergei Lavrov said, according to Tass.
            """)
        #expect(
            document.quoteLines == [
                "Kurt Campbell: The two leaders may make progress on trade (indirect)",
                "Sergei Lavrov: We saw alarming steps when Syria was attacked",
            ])
    }

    @Test func whoIsWarnedIsNoReport() throws {
        let document = try understand("North Korea rejected the sanctions, warning the United States not to provoke it.")
        #expect(document.quotes.isEmpty)
    }

    @Test func aQuoteOpeningAParagraphAfterAColonLeadIsTheLeads() throws {
        let document = try understand(
            """
            North Korea launched a rocket on Wednesday. According to the BBC:

            “The rocket was launched from the west coast. ” ‘The launch was a success,’ KCNA said.
            """)
        #expect(document.quoteLines.first == "BBC: The rocket was launched from the west coast.")
    }

    @Test func aPronounOutsideQuotesDoesNotStandForANameQuoted() throws {
        let document = try understand("Donald Trump spoke after the summit. “We spent all day with Kim Jong Un,” he said.")
        #expect(document.quoteLines == ["Donald Trump: We spent all day with Kim Jong Un"])
    }
}
