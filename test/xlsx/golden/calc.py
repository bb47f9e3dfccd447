#!/usr/bin/python3
"""LibreOffice Calc, headless through UNO, as a second spreadsheet program that works on our files.

  add-chart-pivot IN OUT   adds what exceljs cannot write: a chart (sheet "Bericht") and a pivot table (sheet
                           "Pivot") over the sales, and saves as .xlsx (the golden fixture's generator uses it)
  edit-leads IN OUT        does a week of a sales team's work on the Leads sheet — status, note, a formula column,
                           a dropdown, a comment, a colour, a title row, an own column, a corrected e-mail, a
                           deleted row, a renamed sheet — and changes the source data, then saves as .xlsx

Run with Debian's interpreter (/usr/bin/python3): the 'uno' module exists only for it (package python3-uno).
Every run starts its own soffice with its own profile and kills it afterwards (its own process group).
"""
import os, sys, tempfile

import uno
from com.sun.star.beans import PropertyValue

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'office'))
from headless_office import start_office, stop_office, url  # noqa: E402


XLSX_FILTER = "Calc MS Excel 2007 XML"


def props(**values):
    out = []
    for name, value in values.items():
        p = PropertyValue(); p.Name = name; p.Value = value; out.append(p)
    return tuple(out)


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn


def range_address(sheet, first_row, first_col, last_row, last_col):
    address = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
    address.Sheet = sheet.RangeAddress.Sheet
    address.StartRow, address.StartColumn, address.EndRow, address.EndColumn = first_row, first_col, last_row, last_col
    return address


def add_chart_pivot(doc):
    sheets = doc.Sheets
    sales = sheets.getByName("Umsätze")
    last_row, _ = used_area(sales)
    sheets.insertNewByName("Bericht", sheets.Count)
    report = sheets.getByName("Bericht")
    report.getCellByPosition(0, 0).setString("Umsätze je Beleg")
    rectangle = uno.createUnoStruct("com.sun.star.awt.Rectangle")
    rectangle.X, rectangle.Y, rectangle.Width, rectangle.Height = 500, 1500, 16000, 9000
    # Betrag (column F) over the receipt dates (column A)
    amounts = range_address(sales, 0, 5, last_row, 5)
    dates = range_address(sales, 0, 0, last_row, 0)
    report.Charts.addNewByName("Umsatzdiagramm", rectangle, (dates, amounts), True, False)
    sheets.insertNewByName("Pivot", sheets.Count)
    pivot_sheet = sheets.getByName("Pivot")
    tables = pivot_sheet.DataPilotTables
    descriptor = tables.createDataPilotDescriptor()
    descriptor.SourceRange = range_address(sales, 0, 0, last_row, 5)
    fields = descriptor.DataPilotFields
    customer = fields.getByIndex(1)
    customer.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
    amount = fields.getByIndex(5)
    amount.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    amount.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    target = uno.createUnoStruct("com.sun.star.table.CellAddress")
    target.Sheet = pivot_sheet.RangeAddress.Sheet
    tables.insertNewByName("UmsatzJeKunde", target, descriptor)


def find_row(sheet, column, text, last_row):
    for row in range(0, last_row + 1):
        if sheet.getCellByPosition(column, row).getString() == text:
            return row
    raise RuntimeError("no row with %s" % text)


def header_columns(sheet, last_col):
    return {sheet.getCellByPosition(c, 0).getString(): c for c in range(0, last_col + 1)}


def edit_leads(doc):
    sheets = doc.Sheets
    leads = sheets.getByName("Leads")
    last_row, last_col = used_area(leads)
    col = header_columns(leads, last_col)
    last_name = col["Nachname"]
    row_of = lambda name: find_row(leads, last_name, name, last_row)
    leads.getCellByPosition(col["Status"], row_of("Muster 1")).setString("Kontaktiert")
    leads.getCellByPosition(col["Notiz"], row_of("Muster 2")).setString("Angebot am Montag geschickt")
    leads.getCellByPosition(col["EMail"], row_of("Muster 4")).setString("privat.muster4@example.de")
    # a formula column and an own column next to the table
    days, region = last_col + 1, last_col + 2
    leads.getCellByPosition(days, 0).setString("Tage offen")
    created = chr(ord("A") + col["Erstellt"])
    for row in range(1, last_row + 1):
        leads.getCellByPosition(days, row).setFormula("=TODAY()-%s%d" % (created, row + 1))
    leads.getCellByPosition(region, 0).setString("Region")
    leads.getCellByPosition(region, row_of("Muster 1")).setString("Nord")
    # a dropdown on the status column, a comment, a coloured row
    status = leads.getCellRangeByPosition(col["Status"], 1, col["Status"], last_row)
    validation = status.Validation
    validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
    validation.setFormula1('"Neu";"Kontaktiert";"Gewonnen";"Verloren"')
    status.Validation = validation
    leads.Annotations.insertNew(leads.getCellByPosition(col["Status"], row_of("Muster 1")).CellAddress,
                                "Rückruf am Montag")
    leads.getCellRangeByPosition(0, row_of("Muster 3"), last_col, row_of("Muster 3")).CellBackColor = 0xFFF2CC
    # a lead nobody wants, a title above everything, a better name
    leads.Rows.removeByIndex(row_of("Muster 5"), 1)
    leads.Rows.insertByIndex(0, 1)
    leads.getCellByPosition(0, 0).setString("Leads Vertrieb – Frühjahr")
    leads.Name = "Leads Vertrieb"
    # meanwhile in the source: a new last name, a new e-mail where the sales team corrected one, two new contacts
    contacts = sheets.getByName("Kontakte")
    last, last_contact_col = used_area(contacts)
    ccol = header_columns(contacts, last_contact_col)
    contacts.getCellByPosition(ccol["Nachname"], find_row(contacts, ccol["Nachname"], "Muster 6", last)) \
        .setString("Muster-Neu 6")
    contacts.getCellByPosition(ccol["E-Mail"], find_row(contacts, ccol["Nachname"], "Muster 4", last)) \
        .setString("neu.muster4@example.de")
    for offset, n in enumerate((901, 902)):
        row = last + 1 + offset
        values = {"Kontakt-Nr.": "K%d" % n, "Kunden-Nr.": "10001", "Anrede": "Frau", "Vorname": "Neu",
                  "Nachname": "Muster %d" % n, "E-Mail": "muster%d@example.de" % n, "Telefon": "030 %d" % n}
        for header, value in values.items():
            contacts.getCellByPosition(ccol[header], row).setString(value)


def main():
    command, source, target = sys.argv[1:4]
    workdir = tempfile.mkdtemp(prefix="kampagnen-calc-")
    proc, ctx = start_office(workdir, "kampagnen_calc")
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(url(source), "_blank", 0, props(Hidden=True))
        {"add-chart-pivot": add_chart_pivot, "edit-leads": edit_leads}[command](doc)
        doc.storeToURL(url(target), props(FilterName=XLSX_FILTER))
        doc.close(True)
    finally:
        stop_office(proc)


if __name__ == "__main__":
    main()
