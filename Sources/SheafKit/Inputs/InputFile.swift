/// An input file found by walking the input paths, with the format that reads it.
struct InputFile: Sendable, Hashable, Codable {
    /// The path as opened (the user's argument joined with the walked components).
    var path: String
    /// The name of the format that reads the file (`mirror`).
    var format: String

    init(path: String, format: String) {
        self.path = path
        self.format = format
    }
}
