import Testing
@testable import SheafKit

@Suite struct DataURITests {
    @Test func base64PayloadsDecodeWithWhitespaceAndWithoutPadding() {
        #expect(DataURI.bytes(of: "data:image/png;base64,SGVs bG8=") == Array("Hello".utf8))
        #expect(DataURI.bytes(of: " DATA:;BASE64,SGVs\nbG8") == Array("Hello".utf8))
    }

    @Test func percentEncodedPayloadsDecode() {
        #expect(DataURI.bytes(of: "data:image/svg+xml,%3Csvg%3E a%") == Array("<svg> a%".utf8))
        #expect(DataURI.bytes(of: "data:,%89PNG") == [0x89] + Array("PNG".utf8))
    }

    @Test func corruptPayloadsAreNil() {
        #expect(DataURI.bytes(of: "data:image/png;base64,SGV*bG8=") == nil)
        #expect(DataURI.bytes(of: "data:image/png;base64,SGVsb") == nil)  // one character too many
        #expect(DataURI.bytes(of: "data:image/png;base64") == nil)        // no comma
        #expect(DataURI.bytes(of: "http://x.org/a.png") == nil)
    }
}
