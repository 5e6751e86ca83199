import Testing

@testable import DossierCore

/// How the coder treats codes is read from `cameo-policy.txt`: a code holds for the codes under it, and a policy left
/// out or unknown stops the data from loading instead of silently turning a rule off.
@Suite struct CameoPolicyTests {
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
}
