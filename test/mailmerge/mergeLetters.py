#!/usr/bin/python3
"""A real mail-merge client for the tests: LibreOffice Writer, headless, driven through UNO.

Registers a CSV unchanged as a "Text/CSV" (sdbc:flat) data source, merges a Word template (.docx with MERGEFIELDs)
with it by com.sun.star.text.MailMerge into one document, and prints one JSON object on stdout:
  {"columns": {name: type}, "paragraphs": [...], "seconds": {"start", "merge", "total"}}
The checks themselves are in wordTemplateMerge.test.ts.

Needs Debian's /usr/bin/python3 (the uno module exists only there) and the packages
libreoffice-writer libreoffice-base python3-uno. Usage: mergeLetters.py template.docx data.csv workdir
"""
import glob, json, os, shutil, sys, time

import uno
from com.sun.star.beans import NamedValue, PropertyValue

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'office'))
from headless_office import start_office, stop_office, url  # noqa: E402


DATA_SOURCE = "KampagneCSV"
TABLE = "zielgruppe"  # the flat driver names a table after its file, without ".csv"


def props(cls, **values):
    out = []
    for name, value in values.items():
        prop = cls()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def register_csv(ctx, csv_path, workdir):
    """The CSV as the user has it (copied byte for byte); only the settings Word's text import asks for too."""
    data_dir = os.path.join(workdir, "data")
    os.makedirs(data_dir, exist_ok=True)
    shutil.copyfile(csv_path, os.path.join(data_dir, TABLE + ".csv"))
    databases = ctx.ServiceManager.createInstanceWithContext("com.sun.star.sdb.DatabaseContext", ctx)
    source = databases.createInstance()
    source.URL = "sdbc:flat:" + url(data_dir)
    source.Info = props(PropertyValue, Extension="csv", HeaderLine=True, FieldDelimiter=";",
                        StringDelimiter='"', CharSet="UTF-8")
    source.DatabaseDocument.storeAsURL(url(os.path.join(workdir, DATA_SOURCE + ".odb")), ())
    if databases.hasByName(DATA_SOURCE):
        databases.revokeObject(DATA_SOURCE)
    databases.registerObject(DATA_SOURCE, source)
    connection = source.getConnection("", "")
    try:
        columns = connection.Tables.getByName(TABLE).Columns
        return {name: columns.getByName(name).TypeName for name in columns.ElementNames}
    finally:
        connection.close()


def merge(ctx, desktop, template, workdir):
    out_dir = os.path.join(workdir, "out")
    os.makedirs(out_dir, exist_ok=True)
    mail_merge = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.MailMerge", ctx)
    # XJob.execute takes NamedValues (PropertyValues fail with CannotConvertException); OutputType 2 = one file.
    mail_merge.execute(props(NamedValue, DataSourceName=DATA_SOURCE, Command=TABLE, CommandType=0,
                             DocumentURL=url(template), OutputType=2, OutputURL=url(out_dir),
                             SaveAsSingleFile=True, FileNamePrefix="serienbrief", SaveFilter="writer8"))
    merged = glob.glob(os.path.join(out_dir, "serienbrief*.odt"))
    if len(merged) != 1:
        raise RuntimeError("expected one merged document, got %r" % merged)
    document = desktop.loadComponentFromURL(url(merged[0]), "_blank", 0, props(PropertyValue, Hidden=True))
    try:
        return document.Text.String.replace("\r\n", "\n").split("\n")
    finally:
        document.close(True)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    template, csv_path, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    started = time.time()
    proc, ctx = start_office(workdir, "kampagne_merge")
    up = time.time()
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        columns = register_csv(ctx, csv_path, workdir)
        merge_start = time.time()
        paragraphs = merge(ctx, desktop, template, workdir)
        merged = time.time()
    finally:
        stop_office(proc)
    json.dump({"columns": columns, "paragraphs": paragraphs,
               "seconds": {"start": round(up - started, 2), "merge": round(merged - merge_start, 2),
                           "total": round(time.time() - started, 2)}},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
