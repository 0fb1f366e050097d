#include "central/backoffice/page_renderer.h"

#include <kainjow/mustache.hpp>

#include "central/backoffice/backoffice_routes.h"
#include "central/backoffice/embedded_files.h"
#include "central/person_tokens.h"
#include "common/log.h"

namespace wp {

namespace {

using Data = kainjow::mustache::data;

Data toData(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            Data d = Data::type::object;
            for (const auto& [key, value] : j.items()) d.set(key, toData(value));
            return d;
        }
        case nlohmann::json::value_t::array: {
            Data d = Data::type::list;
            for (const auto& item : j) d.push_back(toData(item));
            return d;
        }
        case nlohmann::json::value_t::string:
            return Data(j.get<std::string>());
        case nlohmann::json::value_t::boolean:
            return Data(j.get<bool>());
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            return Data(j.dump());
        default:
            return Data(false);
    }
}

// The navigation: each item shown to the roles its access allows; "section" is what a page's view names.
struct NavItem {
    std::string_view section, href, label;
    BackOfficeAccess access;
};

const std::vector<NavItem>& navigation() {
    static const std::vector<NavItem> items = {
        {"inbox", "/backoffice/inbox", "Inbox", BackOfficeAccess::AnyStaff},
        {"appointments", "/backoffice/afspraken", "Afspraken", BackOfficeAccess::AnyStaff},
        {"dashboard", "/backoffice/dashboard", "Dashboard", BackOfficeAccess::CoordinatorOrAdmin},
        {"kiosks", "/backoffice/kiosks", "Kiosks", BackOfficeAccess::CoordinatorOrAdmin},
        {"accounts", "/backoffice/admin/accounts", "Accounts", BackOfficeAccess::Admin},
        {"teams", "/backoffice/admin/teams", "Teams", BackOfficeAccess::Admin},
        {"routing", "/backoffice/admin/routing", "Routering", BackOfficeAccess::Admin},
        {"audit", "/backoffice/audit", "Auditlog", BackOfficeAccess::Admin},
    };
    return items;
}

}  // namespace

Result<std::string> renderMustache(std::string_view text, const nlohmann::json& view) {
    kainjow::mustache::mustache tmpl{std::string(text)};
    if (!tmpl.is_valid()) return Status::invalidInput(tmpl.error_message());
    std::string out = tmpl.render(toData(view));
    if (!tmpl.is_valid()) return Status::invalidInput(tmpl.error_message());
    return out;
}

std::string_view backOfficeContentSecurityPolicy() {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}

void addBackOfficeHeaders(HttpResponse& res) {
    res.set_header("Content-Security-Policy", std::string(backOfficeContentSecurityPolicy()));
    res.set_header("Cache-Control", "no-store");
}

PageRenderer::PageRenderer(std::string municipality) : municipality_(std::move(municipality)) {}

std::string PageRenderer::staticPath(std::string_view name) {
    auto bytes = findEmbeddedFile(embeddedStaticFiles(), name);
    std::string version = bytes ? sha256Hex(*bytes).substr(0, 12) : "0";
    return "/backoffice/static/" + std::string(name) + "?v=" + version;
}

void PageRenderer::renderPage(HttpResponse& res, std::string_view templateName, const nlohmann::json& view,
                              const StaffSession& session) const {
    render(res, 200, templateName, view, &session);
}

void PageRenderer::renderPlainPage(HttpResponse& res, int status, std::string_view templateName,
                                   const nlohmann::json& view) const {
    render(res, status, templateName, view, nullptr);
}

void PageRenderer::render(HttpResponse& res, int status, std::string_view templateName,
                          const nlohmann::json& view, const StaffSession* session) const {
    static const std::string css = staticPath("backoffice.css");
    addBackOfficeHeaders(res);
    nlohmann::json page = view.is_object() ? view : nlohmann::json::object();
    if (session != nullptr && !page.contains("csrf")) page["csrf"] = session->csrfToken;
    auto pageText = findEmbeddedFile(embeddedTemplates(), std::string(templateName) + ".mustache");
    auto layoutText = findEmbeddedFile(embeddedTemplates(), "layout.mustache");
    Result<std::string> content = pageText ? renderMustache(*pageText, page)
                                           : Result<std::string>(Status::notFound("no such template"));
    nlohmann::json layout = {
        {"title", page.value("title", std::string())},
        {"municipality", municipality_},
        {"css", css},
        {"content", content ? content.value() : std::string()},
    };
    if (session != nullptr) {
        nlohmann::json nav = nlohmann::json::array();
        const std::string section = page.value("section", std::string());
        for (const NavItem& item : navigation())
            if (allows(item.access, session->role))
                nav.push_back(
                    {{"href", item.href}, {"label", item.label}, {"current", item.section == section}});
        layout["signedIn"] = {
            {"name", session->name},      {"role", roleLabel(session->role)},
            {"team", session->team},      {"hasTeam", !session->team.empty()},
            {"csrf", session->csrfToken}, {"nav", nav},
        };
    }
    Result<std::string> html = content && layoutText ? renderMustache(*layoutText, layout) : content;
    if (!content || !layoutText || !html) {
        log::error("back office template {}: {}", templateName,
                   !content      ? content.status().message()
                   : !layoutText ? "no layout"
                                 : html.status().message());
        res.status = 500;
        res.set_content("De pagina kan niet gemaakt worden.\n", "text/plain; charset=utf-8");
        return;
    }
    res.status = status;
    res.set_content(std::move(html).value(), "text/html; charset=utf-8");
}

std::optional<std::string_view> findEmbeddedFile(const std::vector<EmbeddedFile>& files,
                                                 std::string_view name) {
    for (const EmbeddedFile& f : files)
        if (f.name == name) return f.bytes;
    return std::nullopt;
}

}  // namespace wp
