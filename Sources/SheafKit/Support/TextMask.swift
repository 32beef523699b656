import CPangoCairo

/// Text drawn by Pango and cairo as a coverage mask: what covers stamp their lettering with.
enum TextMask {
    /// Pango markup in `family` at `pixels` pixels, lines wrapped at `width` and centred, cropped to its ink; a
    /// text taller than `fit` (or wider than `width`, a word too long to wrap) is set smaller until it fits.
    static func render(_ markup: String, family: String, pixels: Int, width: Int, fit: Int) throws -> GreyPixels {
        func layout(_ size: Int) throws -> (layout: OpaquePointer, ink: PangoRectangle) {
            guard let made = sheaf_text_layout(markup, family, Int32(size), Int32(width)) else {
                throw SheafError(stage: .assemble, "cannot lay out the cover's text: not valid Pango markup")
            }
            return (made, sheaf_text_ink(made))
        }
        func fits(_ ink: PangoRectangle) -> Bool { Int(ink.height) <= fit && Int(ink.width) <= width }
        var chosen = try layout(pixels)
        if !fits(chosen.ink) {
            // The largest size that fits, found by halving the range of sizes.
            sheaf_text_release(chosen.layout)
            var (small, large) = (1, pixels)
            while large - small > 1 {
                let middle = (small + large) / 2
                let trial = try layout(middle)
                sheaf_text_release(trial.layout)
                if fits(trial.ink) { small = middle } else { large = middle }
            }
            chosen = try layout(small)
        }
        defer { sheaf_text_release(chosen.layout) }
        let ink = chosen.ink
        let width = max(0, Int(ink.width)), height = max(0, Int(ink.height))
        var status: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: width * height) { buffer, count in
            status = sheaf_text_draw(chosen.layout, ink, buffer.baseAddress)
            count = width * height
        }
        guard status == 0 else { throw SheafError(stage: .assemble, "cannot draw the cover's text") }
        return GreyPixels(width: width, height: height, bytes: bytes)
    }
}
