<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityStrip</name>
    <message numerus="yes">
        <source>%1 – %2: %n deliveries</source>
        <translation>
            <numerusform>%1 – %2: %n delivery</numerusform>
            <numerusform>%1 – %2: %n deliveries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureAnnotator</name>
    <message numerus="yes">
        <source>Note on the %n selected captures (empty removes it):</source>
        <translation>
            <numerusform>Note on the selected capture (empty removes it):</numerusform>
            <numerusform>Note on the %n selected captures (empty removes it):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n capture(s): hidden from the view and from export, kept in the journal. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Deleted %n capture: hidden from the view and from export, kept in the journal. Ctrl+Z brings it back.</numerusform>
            <numerusform>Deleted %n captures: hidden from the view and from export, kept in the journal. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n capture(s).</source>
        <translation>
            <numerusform>Restored %n capture.</numerusform>
            <numerusform>Restored %n captures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignored</numerusform>
            <numerusform>%n ignored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldConsole</name>
    <message numerus="yes">
        <source>Releasing %n held forward(s).</source>
        <translation>
            <numerusform>Releasing %n held forward.</numerusform>
            <numerusform>Releasing %n held forwards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropping %n held forward(s).</source>
        <translation>
            <numerusform>Dropping %n held forward.</numerusform>
            <numerusform>Dropping %n held forwards.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonPretty</name>
    <message numerus="yes">
        <source>…&quot; (%n more bytes)</source>
        <translation>
            <numerusform>…&quot; (%n more byte)</numerusform>
            <numerusform>…&quot; (%n more bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Hide all %n capture(s) from the view? Nothing is deleted: the journal keeps them, and they show again when this session is next opened, as when HookScope starts again. To delete captures, select them and press Del; to start empty, use File → New session.</source>
        <translation>
            <numerusform>Hide the %n capture from the view? Nothing is deleted: the journal keeps it, and it shows again when this session is next opened, as when HookScope starts again. To delete captures, select them and press Del; to start empty, use File → New session.</numerusform>
            <numerusform>Hide all %n captures from the view? Nothing is deleted: the journal keeps them, and they show again when this session is next opened, as when HookScope starts again. To delete captures, select them and press Del; to start empty, use File → New session.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionEngine</name>
    <message numerus="yes">
        <source>Reading %n capture(s)</source>
        <translation>
            <numerusform>Reading %n capture</numerusform>
            <numerusform>Reading %n captures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <source>%Ln capture(s)</source>
        <translation>
            <numerusform>%Ln capture</numerusform>
            <numerusform>%Ln captures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>Key %1 · %n attempt(s) shown</source>
        <translation>
            <numerusform>Key %1 · %n attempt shown</numerusform>
            <numerusform>Key %1 · %n attempts shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>diff</name>
    <message numerus="yes">
        <source>Which two captures? hookscope diff --journal PATH A B, with A and B from the # column (%n given).</source>
        <translation>
            <numerusform>Which two captures? hookscope diff --journal PATH A B, with A and B from the # column (%n given).</numerusform>
            <numerusform>Which two captures? hookscope diff --journal PATH A B, with A and B from the # column (%n given).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) ignored (--ignore, or headers that change with every delivery: --all-headers counts them).</source>
        <translation>
            <numerusform>%n difference ignored (--ignore, or headers that change with every delivery: --all-headers counts them).</numerusform>
            <numerusform>%n differences ignored (--ignore, or headers that change with every delivery: --all-headers counts them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>Exported %n capture(s) to %1.</source>
        <translation>
            <numerusform>Exported %n capture to %1.</numerusform>
            <numerusform>Exported %n captures to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>import</name>
    <message numerus="yes">
        <source>Imported %n capture(s) into %1; %2 bad.</source>
        <translation>
            <numerusform>Imported %n capture into %1; %2 bad.</numerusform>
            <numerusform>Imported %n captures into %1; %2 bad.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message numerus="yes">
        <source>Journal: %1 (%n capture(s) so far)</source>
        <translation>
            <numerusform>Journal: %1 (%n capture so far)</numerusform>
            <numerusform>Journal: %1 (%n captures so far)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n delivery(s) that ngrok received while HookScope was not running.</source>
        <translation>
            <numerusform>Recovered %n delivery that ngrok received while HookScope was not running.</numerusform>
            <numerusform>Recovered %n deliveries that ngrok received while HookScope was not running.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>send</name>
    <message numerus="yes">
        <source>Not delivered after %n attempt(s).</source>
        <translation>
            <numerusform>Not delivered after %n attempt.</numerusform>
            <numerusform>Not delivered after %n attempts.</numerusform>
        </translation>
    </message>
</context>
</TS>
