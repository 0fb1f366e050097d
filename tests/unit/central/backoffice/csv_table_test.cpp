// CSV exports (central/backoffice/csv_table.h): formula cells escaped, RFC 4180 quoting, UTF-8 with BOM.
#include "central/backoffice/csv_table.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(CsvTableTest, FormulaCellsGetAQuoteInFront) {
    EXPECT_EQ(csvCell("=1+1"), "'=1+1");
    EXPECT_EQ(csvCell("+31 6 1234 5678"), "'+31 6 1234 5678");
    EXPECT_EQ(csvCell("-2"), "'-2");
    EXPECT_EQ(csvCell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
}

TEST(CsvTableTest, FormulaCellsAfterLeadingBlanksAreEscapedToo) {
    EXPECT_EQ(csvCell("  =cmd"), "'  =cmd");
    EXPECT_EQ(csvCell("\t+1"), "'\t+1");
    EXPECT_EQ(csvCell("\r-1"), "\"'\r-1\"");
    EXPECT_EQ(csvCell(" \t @x"), "' \t @x");
}

TEST(CsvTableTest, OrdinaryCellsStayAsTheyAre) {
    EXPECT_EQ(csvCell(""), "");
    EXPECT_EQ(csvCell("Jan de Vries"), "Jan de Vries");
    EXPECT_EQ(csvCell("010-123 4567"), "010-123 4567");
    EXPECT_EQ(csvCell("a=b"), "a=b");
    EXPECT_EQ(csvCell("   "), "   ");
}

TEST(CsvTableTest, QuotingFollowsRfc4180) {
    EXPECT_EQ(csvCell("Bakker, J."), "\"Bakker, J.\"");
    EXPECT_EQ(csvCell("zegt \"hoi\""), "\"zegt \"\"hoi\"\"\"");
    EXPECT_EQ(csvCell("twee\nregels"), "\"twee\nregels\"");
}

TEST(CsvTableTest, TheFileStartsWithTheByteOrderMarkAndEndsRowsWithCrLf) {
    CsvTable t;
    t.addRow({"referentie", "naam"});
    t.addRow({"SGN-K2-7KQ4XD9M-3", "Zoë Öztürk"});
    EXPECT_EQ(t.text(), "\xEF\xBB\xBFreferentie,naam\r\nSGN-K2-7KQ4XD9M-3,Zoë Öztürk\r\n");
}

}  // namespace
}  // namespace wp
