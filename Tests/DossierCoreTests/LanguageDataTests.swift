import Testing

@testable import DossierCore

/// Language data read strictly: how the coder treats codes (`cameo-policy.txt`, a code holding for the codes under it)
/// and word classes; a policy or class left out, or a policy unknown, stops the data from loading instead of silently
/// turning a rule off.
@Suite struct LanguageDataTests {
    @Test(arguments: [
        (CameoPolicy.mutual, "040", true), (.mutual, "0311", true), (.mutual, "111", false),
        (.force, "1951", true), (.force, "173", false), (.visits, "042", true), (.visits, "040", false),
    ])
    func aPolicyHoldsItsCodesAndTheCodesUnderThem(policy: CameoPolicy, code: String, holds: Bool) {
        #expect(LanguageData.english.cameo.holds(policy, code) == holds)
    }

    @Test func everyPolicyMustBeListed() throws {
        let complete = CameoPolicy.allCases.map { Substring("\($0.rawValue)\t01") }
        #expect(try CameoPolicy.codes(complete).count == CameoPolicy.allCases.count)
        #expect(throws: ResourceError.self) { try CameoPolicy.codes(Array(complete.dropFirst())) }
        #expect(throws: ResourceError.self) { try CameoPolicy.codes(complete + ["unheard-of\t01"]) }
    }

    @Test func aWordClassLeftOutIsAnError() throws {
        let classes = ["verb": ["said", "told"]]
        #expect(try Resource.words(of: "verb", in: classes, file: "speech.txt") == ["said", "told"])
        #expect(throws: ResourceError.self) { try Resource.words(of: "participle", in: classes, file: "speech.txt") }
    }
}
