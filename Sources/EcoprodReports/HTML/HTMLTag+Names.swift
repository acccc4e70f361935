/// The elements the reports write.
extension HTMLTag {
    static let html = HTMLTag("html"), head = HTMLTag("head"), meta = HTMLTag("meta"), title = HTMLTag("title")
    static let style = HTMLTag("style"), body = HTMLTag("body"), script = HTMLTag("script"), nav = HTMLTag("nav")
    static let button = HTMLTag("button"), header = HTMLTag("header"), main = HTMLTag("main"),
        footer = HTMLTag("footer")
    static let section = HTMLTag("section"), h1 = HTMLTag("h1"), h2 = HTMLTag("h2"), h3 = HTMLTag("h3"),
        p = HTMLTag("p")
    static let div = HTMLTag("div"), span = HTMLTag("span"), strong = HTMLTag("strong"), code = HTMLTag("code"),
        a = HTMLTag("a"), pre = HTMLTag("pre")
    static let dl = HTMLTag("dl"), dt = HTMLTag("dt"), dd = HTMLTag("dd"), ul = HTMLTag("ul"), li = HTMLTag("li")
    static let table = HTMLTag("table"), caption = HTMLTag("caption"), thead = HTMLTag("thead"),
        tbody = HTMLTag("tbody")
    static let tr = HTMLTag("tr"), th = HTMLTag("th"), td = HTMLTag("td")
    static let figure = HTMLTag("figure"), figcaption = HTMLTag("figcaption")
    static let form = HTMLTag("form"), label = HTMLTag("label"), select = HTMLTag("select"), option = HTMLTag("option")
    static let output = HTMLTag("output"), input = HTMLTag("input")
    // Inline SVG.
    static let svg = HTMLTag("svg"), g = HTMLTag("g"), desc = HTMLTag("desc"), tspan = HTMLTag("tspan")
    static let svgText = HTMLTag("text"), rect = HTMLTag("rect", selfCloses: true),
        line = HTMLTag("line", selfCloses: true)
}

/// The attributes the reports write most.
extension HTMLAttribute {
    static func id(_ value: String) -> HTMLAttribute { HTMLAttribute("id", value) }
    static func `class`(_ value: String) -> HTMLAttribute { HTMLAttribute("class", value) }
    static func lang(_ value: String) -> HTMLAttribute { HTMLAttribute("lang", value) }
    static func scope(_ value: String) -> HTMLAttribute { HTMLAttribute("scope", value) }
    static func labelledBy(_ value: String) -> HTMLAttribute { HTMLAttribute("aria-labelledby", value) }
    static let hidden = HTMLAttribute("hidden", nil)
    static let checked = HTMLAttribute("checked", nil)
    static let colHeader = HTMLAttribute("scope", "col"), rowHeader = HTMLAttribute("scope", "row")
    static let number = HTMLAttribute("class", "number")
}

/// An inline SVG image, `width` pixels wide at most and scaled to the page, labelled for screen
/// readers by the elements `labelledBy` names.
func inlineSVG(width: Int, height: Int, labelledBy: String, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
    .element(
        .svg,
        [
            HTMLAttribute("xmlns", "http://www.w3.org/2000/svg"), HTMLAttribute("role", "img"),
            HTMLAttribute("viewBox", "0 0 \(width) \(height)"),
            HTMLAttribute("width", "100%"), HTMLAttribute("style", "max-width: \(width)px"), .labelledBy(labelledBy),
        ], content())
}
