// Templates render and escape (central/backoffice/page_renderer.h): the JSON view as Mustache data, the
// layout by role, the headers of a page, and every embedded template parses.
#include <gtest/gtest.h>

#include "central/backoffice/backoffice_routes.h"
#include "central/backoffice/embedded_files.h"
#include "central/backoffice/page_renderer.h"

namespace wp {
namespace {

TEST(MustacheTest, ValuesAreEscapedUnlessTripleBraced) {
    nlohmann::json view = {{"x", "<script>alert('1')</script> & \"q\""}};
    EXPECT_EQ(renderMustache("{{x}}", view).value(),
              "&lt;script&gt;alert(&apos;1&apos;)&lt;/script&gt; &amp; &quot;q&quot;");
    EXPECT_EQ(renderMustache("{{{x}}}", {{"x", "<b>"}}).value(), "<b>");
}

TEST(MustacheTest, JsonMapsOntoSectionsListsNumbersAndDottedNames) {
    nlohmann::json view = {{"rows", {{{"n", 1}}, {{"n", 2.5}}}},
                           {"yes", true},
                           {"no", false},
                           {"none", nullptr},
                           {"empty", nlohmann::json::array()},
                           {"errors", {{"code", "fout"}}},
                           {"csrf", "T"}};
    EXPECT_EQ(renderMustache("{{#rows}}[{{n}}{{csrf}}]{{/rows}}", view).value(), "[1T][2.5T]");
    EXPECT_EQ(renderMustache("{{#yes}}a{{/yes}}{{#no}}b{{/no}}{{#none}}c{{/none}}{{^none}}d{{/none}}", view)
                  .value(),
              "ad");
    EXPECT_EQ(renderMustache("{{#empty}}x{{/empty}}{{^empty}}leeg{{/empty}}", view).value(), "leeg");
    EXPECT_EQ(
        renderMustache("{{#errors.code}}<{{errors.code}}>{{/errors.code}}{{#errors.other}}!{{/errors.other}}",
                       view)
            .value(),
        "<fout>");
    EXPECT_FALSE(renderMustache("{{#open}}", view));
}

TEST(PageRendererTest, EveryEmbeddedTemplateParses) {
    ASSERT_TRUE(findEmbeddedFile(embeddedTemplates(), "layout.mustache"));
    for (const EmbeddedFile& f : embeddedTemplates())
        EXPECT_TRUE(renderMustache(f.bytes, nlohmann::json::object())) << f.name;
    EXPECT_TRUE(findEmbeddedFile(embeddedStaticFiles(), "backoffice.css"));
}

TEST(PageRendererTest, APageHasTheLayoutTheNavigationOfTheRoleAndEscapedData) {
    PageRenderer pages("Gemeente <Schiedam>");
    StaffSession session{7,    "Anna <de> Vries", "anna@example.org", StaffRole::Team, "huurloket", "tok&en",
                         "::1"};
    HttpResponse res;
    pages.renderPage(res, "home", {{"title", "Inbox"}, {"section", "inbox"}, {"name", "<b>Anna</b>"}},
                     session);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.get_header_value("Cache-Control"), "no-store");
    EXPECT_EQ(res.get_header_value("Content-Security-Policy"), backOfficeContentSecurityPolicy());
    EXPECT_EQ(res.get_header_value("Content-Type"), "text/html; charset=utf-8");
    const std::string& html = res.body;
    EXPECT_NE(html.find("<title>Inbox - Back office Gemeente &lt;Schiedam&gt;</title>"), std::string::npos)
        << html;
    EXPECT_NE(html.find("Welkom, &lt;b&gt;Anna&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(html.find("Anna &lt;de&gt; Vries"), std::string::npos);
    EXPECT_NE(html.find("name=\"csrf\" value=\"tok&amp;en\""), std::string::npos);
    EXPECT_NE(html.find("href=\"/backoffice/inbox\" aria-current=\"page\""), std::string::npos);
    EXPECT_NE(html.find("<main id=\"inhoud\""), std::string::npos);
    EXPECT_NE(html.find("class=\"skip-link\" href=\"#inhoud\""), std::string::npos);
    EXPECT_NE(html.find("Teamlid, huurloket"), std::string::npos);
    EXPECT_EQ(html.find("style=\""), std::string::npos);
    EXPECT_NE(html.find(PageRenderer::staticPath("backoffice.css")), std::string::npos);
}

TEST(PageRendererTest, APlainPageHasNoAccountAndAMissingTemplateIsA500) {
    PageRenderer pages("Wijkpunt");
    HttpResponse res;
    pages.renderPlainPage(res, 404, "message", {{"title", "Weg"}, {"heading", "Weg"}, {"text", "t"}});
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body.find("Afmelden"), std::string::npos);
    EXPECT_EQ(res.body.find("Hoofdmenu"), std::string::npos);
    HttpResponse missing;
    pages.renderPlainPage(missing, 200, "no_such_template", nlohmann::json::object());
    EXPECT_EQ(missing.status, 500);
}

TEST(BackOfficeRoutesTest, RolesOpenWhatTheirAccessAllows) {
    EXPECT_TRUE(allows(BackOfficeAccess::AnyStaff, StaffRole::Team));
    EXPECT_FALSE(allows(BackOfficeAccess::CoordinatorOrAdmin, StaffRole::Team));
    EXPECT_TRUE(allows(BackOfficeAccess::CoordinatorOrAdmin, StaffRole::Coordinator));
    EXPECT_FALSE(allows(BackOfficeAccess::Admin, StaffRole::Coordinator));
    EXPECT_TRUE(allows(BackOfficeAccess::Admin, StaffRole::Admin));
    EXPECT_TRUE(isBackOfficePath("/backoffice"));
    EXPECT_TRUE(isBackOfficePath("/backoffice/inbox"));
    EXPECT_FALSE(isBackOfficePath("/backofficex"));
    EXPECT_FALSE(isBackOfficePath("/v1/backoffice/requests"));
    for (const BackOfficeRoute& r : backOfficeRoutes()) EXPECT_TRUE(isBackOfficePath(r.path)) << r.path;
}

}  // namespace
}  // namespace wp
