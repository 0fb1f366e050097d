#include "common/bundle.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/sms_settings.h"
#include "common/toml_reader.h"
#include "common/words.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

double relativeLuminance(const Rgba& c) {
    auto channel = [](float v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrastRatio(const Rgba& a, const Rgba& b) {
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

bool isCode(std::string_view s, size_t length) {
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

fs::path resolveAgainst(const fs::path& file, const std::string& value) {
    fs::path p(value);
    if (p.is_absolute()) return p;
    return (file.parent_path() / p).lexically_normal();
}

namespace {

// "#RRGGBB" or "#RRGGBBAA".
std::optional<Rgba> parseColor(std::string_view s) {
    if (s.size() != 7 && s.size() != 9) return std::nullopt;
    if (s[0] != '#') return std::nullopt;
    unsigned v[4] = {0, 0, 0, 255};
    for (size_t i = 0; i * 2 + 1 < s.size(); ++i) {
        auto hex = s.substr(1 + i * 2, 2);
        unsigned out = 0;
        for (char ch : hex) {
            out <<= 4;
            if (ch >= '0' && ch <= '9')
                out |= static_cast<unsigned>(ch - '0');
            else if (ch >= 'a' && ch <= 'f')
                out |= static_cast<unsigned>(ch - 'a' + 10);
            else if (ch >= 'A' && ch <= 'F')
                out |= static_cast<unsigned>(ch - 'A' + 10);
            else
                return std::nullopt;
        }
        v[i] = out;
    }
    return Rgba{v[0] / 255.f, v[1] / 255.f, v[2] / 255.f, v[3] / 255.f};
}

// Flattens nested tables into dotted keys; every leaf must be a string.
void flattenTexts(TomlReader& reader, const toml::table& t, const std::string& prefix,
                  std::map<std::string, std::string>& out) {
    for (const auto& [key, node] : t) {
        std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const toml::table* sub = node.as_table()) {
            flattenTexts(reader, *sub, full, out);
        } else if (node.is_string()) {
            std::string value(*node.value<std::string_view>());
            if (value.empty())
                reader.error(&node, fmt::format("text '{}' is empty (expected a sentence)", full));
            else if (out.contains(full))
                reader.error(&node, fmt::format("text '{}' is given twice for this language", full));
            out[full] = std::move(value);
        } else {
            reader.error(
                &node, fmt::format("text '{}' must be a string, found {}", full, TomlReader::typeName(node)));
        }
    }
}

}  // namespace

namespace {

// The [sizes] of a theme: every key optional, none unknown (a misspelt size would be silently ignored).
void loadThemeSizes(TomlReader& r, const toml::table& table, Theme::Sizes& z) {
    struct Size {
        const char* key;
        float* out;
    };
    const Size sizes[] = {
        {"border_width", &z.borderWidth},
        {"focus_width", &z.focusWidth},
        {"control_padding", &z.controlPadding},
        {"selection_bar", &z.selectionBar},
        {"tile_padding", &z.tilePadding},
        {"tile_gap", &z.tileGap},
        {"panel_padding", &z.panelPadding},
        {"marker_width", &z.markerWidth},
        {"line_gap", &z.lineGap},
        {"button_height", &z.buttonHeight},
        {"button_width", &z.buttonWidth},
        {"low_button_height", &z.lowButtonHeight},
        {"large_button_height", &z.largeButtonHeight},
        {"route_height", &z.routeHeight},
        {"compact_row_height", &z.compactRowHeight},
        {"tile_height", &z.tileHeight},
        {"service_tile_height", &z.serviceTileHeight},
        {"language_row_height", &z.languageRowHeight},
        {"qr_size", &z.qrSize},
        {"dialog_height", &z.dialogHeight},
        {"key_height", &z.keyHeight},
        {"pad_key_width", &z.padKeyWidth},
        {"pictogram_size", &z.pictogramSize},
        {"mark_size", &z.markSize},
        {"change_width", &z.changeWidth},
        {"console_bar_height", &z.consoleBarHeight},
        {"console_column_width", &z.consoleColumnWidth},
        {"console_figures_height", &z.consoleFiguresHeight},
        {"console_button_height", &z.consoleButtonHeight},
        {"console_row_height", &z.consoleRowHeight},
        {"console_label_padding", &z.consoleLabelPadding},
        {"console_gap", &z.consoleGap},
        {"console_pin_key", &z.consolePinKey},
    };
    for (const auto& [key, node] : table)
        if (std::none_of(std::begin(sizes), std::end(sizes),
                         [&](const Size& s) { return key.str() == s.key; }))
            r.error(&node, fmt::format("unknown size '{}'", key.str()));
    for (const Size& size : sizes) {
        *size.out = static_cast<float>(r.optionalNumber(table, size.key, *size.out, "pixels"));
        if (*size.out < 0 || *size.out > 4000)
            r.error(table.get(size.key), fmt::format("'{}' must be between 0 and 4000 pixels", size.key));
    }
}

}  // namespace

Result<Theme> loadTheme(const fs::path& file) {
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    const toml::table& root = r.root();
    Theme t;
    t.id = file.stem().string();
    t.name = r.requireString(root, "name", "the theme's name");
    t.municipality = r.optionalString(root, "municipality", "", "the municipality's name");
    t.cornerRadius = static_cast<float>(r.optionalNumber(root, "corner_radius", t.cornerRadius, "pixels"));
    t.spacing = static_cast<float>(r.optionalNumber(root, "spacing", t.spacing, "pixels"));

    if (const toml::table* f = r.requireTable(root, "fonts", "a [fonts] table")) {
        t.fontRegular = resolveAgainst(file, r.requireString(*f, "regular", "a TrueType font file")).string();
        t.fontBold = resolveAgainst(file, r.requireString(*f, "bold", "a TrueType font file")).string();
        t.bodySize = static_cast<float>(r.requireNumber(*f, "body_size", "pixels"));
        t.largeSize = static_cast<float>(r.requireNumber(*f, "large_size", "pixels"));
        t.titleSize = static_cast<float>(r.requireNumber(*f, "title_size", "pixels"));
        t.ticketSize = static_cast<float>(r.optionalNumber(*f, "ticket_size", t.ticketSize, "pixels"));
        for (const char* key : {"regular", "bold"}) {
            const toml::node* n = f->get(key);
            if (n && n->is_string() &&
                !fs::exists(resolveAgainst(file, std::string(*n->value<std::string_view>()))))
                r.error(n, fmt::format("font file '{}' does not exist", *n->value<std::string_view>()));
        }
        for (float size : {t.bodySize, t.largeSize, t.titleSize})
            if (size < 12 || size > 160) r.error(f, "font sizes must be between 12 and 160 pixels");
        if (t.ticketSize < 60 || t.ticketSize > 320)
            r.error(f, "ticket_size must be between 60 and 320 pixels");
    }
    if (const toml::table* c = r.requireTable(root, "colors", "a [colors] table")) {
        struct Field {
            const char* key;
            Rgba* out;
        };
        auto& k = t.colors;
        const Field fields[] = {
            {"background", &k.background},
            {"text", &k.text},
            {"text_muted", &k.textMuted},
            {"tile", &k.tile},
            {"tile_text", &k.tileText},
            {"tile_pressed", &k.tilePressed},
            {"button", &k.button},
            {"button_text", &k.buttonText},
            {"button_pressed", &k.buttonPressed},
            {"bar", &k.bar},
            {"bar_text", &k.barText},
            {"focus", &k.focus},
            {"warning", &k.warning},
            {"warning_text", &k.warningText},
            {"control_border", &k.controlBorder},
            {"help", &k.help},
            {"help_text", &k.helpText},
        };
        for (const Field& field : fields) {
            std::string v = r.requireString(*c, field.key, "a colour like \"#1A5E9A\"");
            if (v.empty()) continue;
            if (auto rgba = parseColor(v))
                *field.out = *rgba;
            else
                r.error(c->get(field.key),
                        fmt::format("'{}' = \"{}\" is not a colour (expected \"#RRGGBB\")", field.key, v));
        }
        const Field optional[] = {
            {"main", &k.main}, {"main_text", &k.mainText}, {"main_pressed", &k.mainPressed}};
        k.main = k.tile;
        k.mainText = k.tileText;
        k.mainPressed = k.tilePressed;
        for (const Field& field : optional) {
            const toml::node* n = c->get(field.key);
            if (n == nullptr) continue;
            std::optional<std::string_view> v = n->value<std::string_view>();
            if (auto rgba = v ? parseColor(std::string(*v)) : std::nullopt)
                *field.out = *rgba;
            else
                r.error(n, fmt::format("'{}' is not a colour (expected \"#RRGGBB\")", field.key));
        }
    }
    if (const toml::node* n = root.get("sizes")) {
        if (const toml::table* z = n->as_table())
            loadThemeSizes(r, *z, t.sizes);
        else
            r.error(n, "'sizes' must be a table of sizes in pixels");
    }
    if (!r.ok()) return r.status();
    return t;
}

Result<LanguageTexts> loadLanguageTexts(const fs::path& file, const std::string& code) {
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    LanguageTexts lt;
    lt.code = code;
    lt.file = file.string();
    flattenTexts(r, r.root(), "", lt.texts);
    if (!r.ok()) return r.status();
    return lt;
}

Status addLanguageTexts(const fs::path& file, LanguageTexts& texts) {
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    flattenTexts(r, r.root(), "", texts.texts);
    return r.status();
}

Result<Content> loadContent(const fs::path& contentDir) {
    fs::path file = contentDir / "content.toml";
    if (!fs::exists(file))
        return Status::notFound(
            fmt::format("{}: file not found (expected the content index)", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    const toml::table& root = r.root();
    Content c;
    if (const toml::array* langs =
            r.requireArray(root, "languages", "a list of language codes like [\"nl\", \"en\"]")) {
        for (const toml::node& n : *langs) {
            if (!n.is_string()) {
                r.error(&n, "a language code must be a string like \"nl\"");
                continue;
            }
            c.languages.emplace_back(*n.value<std::string_view>());
        }
        if (c.languages.empty()) r.error(langs, "at least one language is needed");
    }
    if (const toml::array* tiles = r.requireArray(root, "tile", "[[tile]] entries for the start screen")) {
        std::set<std::string> seen;
        for (const toml::node& n : *tiles) {
            const toml::table* t = n.as_table();
            if (t == nullptr) {
                r.error(&n, "each tile must be a [[tile]] table");
                continue;
            }
            StartTile tile;
            tile.id = r.requireString(*t, "id", "the tile's id");
            tile.labelKey = r.requireString(*t, "label", "the text key of the tile's label");
            tile.hintKey = r.requireString(*t, "hint", "the text key of the line under the label");
            tile.screen = r.requireString(*t, "screen", "the screen the tile opens");
            tile.pictogram = r.requireString(*t, "pictogram", "the pictogram drawn with the tile's word");
            if (!tile.id.empty() && !seen.insert(tile.id).second)
                r.error(t, fmt::format("tile id '{}' appears twice", tile.id));
            c.tiles.push_back(std::move(tile));
        }
    }
    if (!r.ok()) return r.status();

    std::vector<std::string> errors;
    for (const std::string& code : c.languages) {
        fs::path textFile = contentDir / "texts" / (code + ".toml");
        if (!fs::exists(textFile)) {
            errors.push_back(fmt::format("{}: file not found (content.toml lists language '{}')",
                                         textFile.string(), code));
            continue;
        }
        auto texts = loadLanguageTexts(textFile, code);
        if (!texts) {
            errors.push_back(texts.status().message());
            continue;
        }
        // More texts of the language, one file per part of the kiosk: texts/<code>/*.toml, by name.
        std::vector<fs::path> parts;
        if (std::error_code ec; fs::is_directory(contentDir / "texts" / code, ec))
            for (const auto& entry : fs::directory_iterator(contentDir / "texts" / code))
                if (entry.path().extension() == ".toml") parts.push_back(entry.path());
        std::sort(parts.begin(), parts.end());
        for (const fs::path& part : parts)
            if (Status s = addLanguageTexts(part, *texts); !s) errors.push_back(s.message());
        c.texts.emplace(code, std::move(texts).value());
    }
    if (errors.empty()) {
        for (const StartTile& tile : c.tiles)
            for (const std::string* key : {&tile.labelKey, &tile.hintKey})
                for (const auto& [code, lt] : c.texts)
                    if (!lt.texts.contains(*key))
                        errors.push_back(fmt::format("{}: missing text '{}' (used by tile '{}' in {})",
                                                     lt.file, *key, tile.id, file.string()));
        for (std::string& missing : findMissingTranslations(c)) errors.push_back(std::move(missing));
    }
    if (!errors.empty()) {
        std::string all;
        for (auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Status::invalidInput(all);
    }
    return c;
}

std::vector<std::string> checkRequestSpecsAgainst(const RequestSpecs& specs, const Content& content,
                                                  const std::vector<Service>& services) {
    std::vector<std::string> errors;
    for (const RequestSpec& spec : specs.all()) {
        for (const auto& [key, step] : spec.textKeys())
            for (const auto& [code, lt] : content.texts)
                if (!lt.texts.contains(key))
                    errors.push_back(fmt::format(
                        "{}: missing text '{}' (used by {} of {})", lt.file, key,
                        step.empty() ? std::string("the spec") : "step '" + step + "'", spec.file));
        if (!spec.deskService.empty() &&
            std::none_of(services.begin(), services.end(),
                         [&](const Service& s) { return s.id == spec.deskService; }))
            errors.push_back(fmt::format("{}: desk_service '{}' is no service of content/services.toml",
                                         spec.file, spec.deskService));
    }
    std::sort(errors.begin(), errors.end());
    errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
    return errors;
}

std::vector<std::string> findMissingTranslations(const Content& content) {
    std::vector<std::string> out;
    for (const auto& [code, lt] : content.texts) {
        for (const auto& [otherCode, other] : content.texts) {
            if (otherCode == code) continue;
            for (const auto& [key, value] : other.texts)
                if (!lt.texts.contains(key))
                    out.push_back(
                        fmt::format("{}: missing text '{}' (present in {})", lt.file, key, other.file));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<Bundle> loadBundle(const fs::path& settingsFile) {
    if (!fs::exists(settingsFile))
        return Status::notFound(
            fmt::format("{}: file not found (expected the kiosk settings)", settingsFile.string()));
    auto settings = loadSettings(settingsFile);
    if (!settings) return settings.status();
    // The [sms] table is read by the roles that send (common/sms_settings.h); a broken one is refused here
    // too, so a bundle that loads is one every role starts with.
    if (auto sms = loadSmsSettings(settingsFile); !sms) return sms.status();
    Bundle b;
    b.settings = std::move(settings).value();
    auto content = loadContent(b.settings.contentDir);
    if (!content) return content.status();
    b.content = std::move(content).value();
    auto services = loadContentServices(b.settings.contentDir, b.content);
    if (!services) return services.status();
    b.services = std::move(services).value();
    auto hosts = loadContentHosts(b.settings.contentDir, b.services);  // content/hosts.toml
    if (!hosts) return hosts.status();
    b.hosts = std::move(hosts).value();
    auto questions =
        loadContentQuestions(b.settings.contentDir, b.services, b.content);  // content/questions.toml
    if (!questions) return questions.status();
    b.questions = std::move(questions).value();

    auto contactPoint = loadContentContactPoint(b.settings.contentDir);  // content/contact_point.toml
    if (!contactPoint) return contactPoint.status();
    b.contactPoint = std::move(contactPoint).value();
    // content/words.toml: checked when the content has one (the words test reads the shipped one).
    if (fs::exists(b.settings.contentDir / "words.toml"))
        if (auto words = loadContentWords(b.settings.contentDir); !words) return words.status();

    auto requests = loadRequestSpecs(b.settings.contentDir / "requests");
    if (!requests) return requests.status();
    b.requests = std::move(requests).value();

    std::vector<std::string> errors = checkRequestSpecsAgainst(b.requests, b.content, b.services);
    if (!errors.empty()) {
        std::string all;
        for (auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Status::invalidInput(all);
    }
    if (!fs::is_directory(b.settings.themesDir))
        return Status::notFound(fmt::format("{}: themes folder not found (from {})",
                                            b.settings.themesDir.string(), b.settings.path));
    std::vector<fs::path> themeFiles;
    for (const auto& entry : fs::directory_iterator(b.settings.themesDir))
        if (entry.path().extension() == ".toml") themeFiles.push_back(entry.path());
    std::sort(themeFiles.begin(), themeFiles.end());
    for (const fs::path& tf : themeFiles) {
        auto theme = loadTheme(tf);
        if (!theme) {
            errors.push_back(theme.status().message());
            continue;
        }
        b.themes.emplace(theme->id, std::move(theme).value());
    }
    if (b.settings.hostTheme.empty()) b.settings.hostTheme = b.settings.theme;
    for (const std::string* id : {&b.settings.theme, &b.settings.highContrastTheme, &b.settings.hostTheme})
        if (errors.empty() && !b.themes.contains(*id))
            errors.push_back(fmt::format("{}: theme '{}' not found in {}", b.settings.path, *id,
                                         b.settings.themesDir.string()));
    if (!b.content.texts.contains(b.settings.session.defaultLanguage))
        errors.push_back(fmt::format("{}: default_language '{}' is not one of the content's languages",
                                     b.settings.path, b.settings.session.defaultLanguage));
    if (!errors.empty()) {
        std::string all;
        for (auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Status::invalidInput(all);
    }
    return b;
}

}  // namespace wp
