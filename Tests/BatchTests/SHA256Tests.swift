import Foundation
import XCTest
@testable import Batch

/// The NIST FIPS 180-4 example vectors (csrc.nist.gov, "SHA256.pdf" and the
/// long-message example), written out independently of the implementation.
final class SHA256Tests: XCTestCase {
    func testNISTShortMessageVectors() {
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testNISTMillionAVectorStreamedInUnevenChunks() {
        var hasher = SHA256()
        var remaining = 1_000_000
        var chunk = 1
        while remaining > 0 {
            let size = min(chunk, remaining)
            hasher.update(repeatElement(UInt8(ascii: "a"), count: size))
            remaining -= size
            chunk = chunk * 3 % 1_021 + 1
        }
        XCTAssertEqual(
            SHA256.hexString(hasher.finalize()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testPaddingBoundariesMatchOneShotHashing() {
        // 55, 56 and 64 bytes straddle the one-block / two-block padding boundary;
        // hashing byte by byte must agree with hashing at once.
        for length in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
            var streamed = SHA256()
            for byte in bytes { streamed.update([byte]) }
            XCTAssertEqual(SHA256.hexString(streamed.finalize()), SHA256.hex(bytes), "length \(length)")
        }
        XCTAssertEqual(
            SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 64)),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    func testFileHashEqualsHashOfItsBytesAndMissingFileIsTypedError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("abc".utf8).write(to: url)
        XCTAssertEqual(try SHA256.hex(ofFile: url), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let missing = url.appendingPathExtension("missing")
        XCTAssertThrowsError(try SHA256.hex(ofFile: missing)) { error in
            guard case let .unreadableFile(path, _)? = error as? BatchError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing.path)
        }
    }
}
