extension RecipeFile {
    /// The commented recipe file `sheaf init` writes: every key, with what it does.
    public static let example = """
        # sheaf.toml — recipes for `sheaf build` (all of them) or `sheaf build --recipe NAME` (one).
        # Every key has a command-line option of the same name (--group-by, --last, …); an option given on the
        # command line wins over the file. Relative paths are taken from this file's folder.

        # Settings every recipe starts from.
        [defaults]
        out = "books"                     # folder for the books
        # language = "zh"                 # BCP 47 tag; detected from the titles when left out
        # templates = "my-templates"      # folder of templates to use instead of the built-in ones
        # cover = "cover.jpg"             # every book's cover (default: one drawn from its title and dates)
        # images = "~/image-cache"        # offline images by URL, DIR/host/path (as wget -x saves them)
        # max-size = "50MB"               # split a book with more article text into parts (default 50MB)
        # device = "generic"              # generic | kindle | kobo | koreader | apple (see sheaf help build)
        # to = "/media/KOBOeReader"       # copy each finished book into this folder (a mounted reader)
        # catalog = true                  # keep .sheaf-catalog.sqlite in `out`; rewrite only books whose input changed
        # Each recipe's books are a series of their own: recipes sharing `out` never leave out or prune each other's.
        # repeat = false                  # true packages again articles a book of this recipe already holds
        # prune = false                   # true deletes this recipe's books a new grouping replaced
        # Saved web pages and web archives: the article is found in each page (extract = "off" keeps pages whole).
        # remove = [".newsletter"]        # CSS selectors of what to leave out; keep = ["article"]: what the article is
        # [defaults.sites."example.com"]  # rules for one site and its subdomains: extract, keep, remove
        # keep = ["div.story-body"]

        # A weekly digest: the last seven days, in one book.
        [recipes.weekly]
        inputs = ["Samples/mh-news"]      # collection roots, folders below them, or files
        # format = "mirror"               # read every input as this format (default: each file's own)
        group-by = "all"                  # week | month | day | channel | index | all
        last = "7d"                       # 7d, 2w … counted back from SOURCE_DATE_EPOCH or today
        title = "{collection} weekly"     # a title, or a pattern over {collection}, {key}, {subtitle}
        file-name = "{collection}-weekly.epub"

        # An archive: one book per ISO week, at most 100 articles each.
        [recipes.archive]
        inputs = ["Samples"]
        group-by = "week"
        # week-start = "monday"           # another day names books after their first day
        max-articles = 100
        # since = 2021-01-01              # a fixed window instead of `last`
        # until = 2021-12-31
        # channels = ["19", "73"]         # only these channels (folder names under pages/)

        # One book of an index page, in the page's order.
        [recipes.opinion]
        inputs = ["Samples/mh-news"]
        index = "indexes/19.md"           # implies group-by = "index"

        """
}
