#!/usr/bin/env python3
"""Render the Kepu demo sample works from the Chinese texts in ../texts/.

Called by ../generate.sh. Needs: ffmpeg (libx264, aac, libmp3lame, drawtext),
espeak-ng, fonts-wqy-zenhei, pandoc, weasyprint, poppler-utils (pdftotext check).

Every output is written with fixed parameters and bit-exact flags so that a
second run gives equivalent (normally byte-identical) files.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEXTS = os.path.join(ROOT, "texts")
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
# The plain `cmn` voice of espeak-ng 1.51 (Debian 12) reads many characters as
# English-spelled pinyin ("nian two"); `cmn-latn-pinyin` is the same Mandarin
# voice with Latin read as pinyin and pronounces the dictionary correctly.
VOICE = os.environ.get("KEPU_VOICE", "cmn-latn-pinyin")
THREADS = "2"  # the machine is shared: keep encodes modest

TMP = tempfile.mkdtemp(prefix="kepu-samples-")

# Bit-exact output: no encoder version strings, no creation time, no metadata.
BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact",
            "-flags:v", "+bitexact", "-flags:a", "+bitexact"]
H264 = ["-c:v", "libx264", "-preset", "medium", "-crf", "30",
        "-pix_fmt", "yuv420p", "-profile:v", "high", "-threads", THREADS,
        "-x264-params", "threads=" + THREADS]
AAC = ["-c:a", "aac", "-b:a", "64k", "-ar", "44100", "-ac", "1"]


def run(cmd):
    subprocess.run(cmd, check=True)


def ffmpeg(args):
    run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"] + args)


# ---------------------------------------------------------------- texts
def read_script(name):
    """Parse texts/<name>.md: '# title', '- key | narration' or '- item'
    bullets, '> narration' lines and plain narration lines."""
    title, items, narration = None, [], []
    with open(os.path.join(TEXTS, name + ".md"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("# "):
                title = line[2:].strip()
            elif line.startswith("- "):
                parts = [p.strip() for p in line[2:].split("|", 1)]
                items.append(parts)
            elif line.startswith("> "):
                narration.append(line[2:].strip())
            else:
                narration.append(line)
    return title, items, narration


_n = 0


def textfile(text):
    """drawtext reads captions from UTF-8 files: no escaping problems."""
    global _n
    _n += 1
    path = os.path.join(TMP, "t%03d.txt" % _n)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def dt(text, size, x, y, color="white", extra=""):
    s = ("drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%d:"
         "fontcolor=%s:x=%s:y=%s" % (FONT, textfile(text), size, color, x, y))
    return s + (":" + extra if extra else "")


def fade_alpha(start, end, f=0.3):
    return ("alpha='if(lt(t,%.3f),0,if(lt(t,%.3f),(t-%.3f)/%.2f,"
            "if(lt(t,%.3f),1,max(0,(%.3f-t)/%.2f))))'"
            % (start, start + f, start, f, end - f, end, f))


# ---------------------------------------------------------------- speech
def tts(sentences, out_wav, speed=170, gap=0.35, lead=0.4):
    """Speak each sentence separately and join them with short pauses.
    Returns the (start, end) time of every sentence in the joined track."""
    frames, spans, params = [], [], None
    t = lead
    for i, s in enumerate(sentences):
        part = os.path.join(TMP, "s%02d.wav" % i)
        run(["espeak-ng", "-v", VOICE, "-s", str(speed), "-w", part, s])
        with wave.open(part) as w:
            params = w.getparams()
            data = w.readframes(w.getnframes())
        frames.append(data)
        d = len(data) / (params.sampwidth * params.nchannels) / params.framerate
        spans.append((t, t + d))
        t += d + gap
    rate, width = params.framerate, params.sampwidth

    def silence(sec):
        return b"\0" * (int(sec * rate) * width)

    with wave.open(out_wav, "wb") as w:
        w.setparams(params)
        w.writeframes(silence(lead))
        for i, data in enumerate(frames):
            w.writeframes(data)
            if i < len(frames) - 1:
                w.writeframes(silence(gap))
    return spans


# ---------------------------------------------------------------- VIDEO
def video(name, out, c0, c1, accent):
    title, items, _ = read_script(name)
    keys = [k for k, _ in items]
    lines = [n for _, n in items]
    wav = os.path.join(TMP, name + ".wav")
    spans = tts(lines, wav)
    dur = round(min(15.0, max(8.0, spans[-1][1] + 1.2)), 2)
    if spans[-1][1] > dur:
        sys.exit("%s: narration %.1fs longer than 15 s" % (name, spans[-1][1]))
    f = ["gradients=s=1280x720:r=25:c0=%s:c1=%s:x0=0:y0=0:x1=1280:y1=720:"
         "speed=0.015:seed=7:duration=%s" % (c0, c1, dur), "format=yuv420p",
         "drawbox=x=0:y=0:w=iw:h=110:color=black@0.35:t=fill",
         dt(title, 56, "60", "28"),
         dt("市科普平台 · 示例作品", 24, "w-tw-40", "44", "white@0.8"),
         "drawbox=x=0:y=590:w=iw:h=130:color=black@0.45:t=fill",
         # progress bar
         "drawbox=x=0:y=712:w='iw*t/%s':h=8:color=%s:t=fill" % (dur, accent)]
    for i, ((a, b), key, line) in enumerate(zip(spans, keys, lines)):
        end = spans[i + 1][0] if i + 1 < len(spans) else dur
        start = a - 0.2 if i else 0.2
        # key point: large, slides up while fading in
        f.append(dt(key, 96, "(w-tw)/2",
                    "'(h-th)/2-20+30*max(0,1-(t-%.3f)/0.4)'" % start,
                    "white", fade_alpha(start, end) +
                    ":box=1:boxcolor=%s@0.55:boxborderw=30" % accent))
        # subtitle: the narrated sentence
        f.append(dt(line, 40, "(w-tw)/2", "633", "white",
                    "enable='between(t,%.3f,%.3f)'" % (start, end)))
    ffmpeg(["-f", "lavfi", "-i", ",".join(f), "-i", wav,
            "-filter:a", "volume=0.85,aresample=44100,apad", "-t", str(dur),
            "-map", "0:v", "-map", "1:a"] + H264 + AAC + BITEXACT +
           ["-movflags", "+faststart", out])


# ---------------------------------------------------------------- ANIMATION
def circle_src(d, alpha):
    return ("color=c=white:s=%dx%d:r=25,format=rgba,"
            "geq=r=255:g=255:b=255:a='if(lt(hypot(X-%d,Y-%d),%d),%d,0)'"
            % (d, d, d // 2, d // 2, d // 2 - 2, alpha))


def animation_handwashing(out):
    name = "animation-seven-step-handwashing"
    title, items, narration = read_script(name)
    wav = os.path.join(TMP, name + ".wav")
    spans = tts(narration, wav, speed=165)
    step, first = 1.3, 1.5
    steps_end = first + step * len(items)
    dur = round(max(13.0, spans[-1][1] + 1.0), 2)
    if dur > 15:
        sys.exit("%s: narration too long" % name)
    bubbles = 5
    graph = ["color=c=0x1E88C8:s=1280x720:r=25:d=%s[bg]" % dur]
    for i in range(bubbles):
        graph.append(circle_src(40 + 14 * i, 70) + "[b%d]" % i)
    last = "bg"
    for i in range(bubbles):
        x = "%d+%d*sin(t*1.3+%d)" % (120 + 240 * i, 25, i)
        y = "H-mod(t*%d+%d\\,H+120)" % (70 + 12 * i, 150 * i)
        graph.append("[%s][b%d]overlay=x='%s':y='%s':shortest=1[o%d]"
                     % (last, i, x, y, i))
        last = "o%d" % i
    v = [dt(title, 110, "(w-tw)/2", "(h-th)/2", "white",
            fade_alpha(0.1, first + 0.1))]
    for i, (key, desc) in enumerate(items):
        a = first + i * step
        b = a + step
        en = "enable='between(t,%.3f,%.3f)'" % (a, b)
        v.append(dt("第%d步 / 共%d步" % (i + 1, len(items)), 34, "80", "60",
                    "white@0.85", en))
        # big mnemonic character
        v.append(dt(key, 200, "200", "(h-th)/2", "0xFFE082",
                    en + ":box=1:boxcolor=white@0.18:boxborderw=50"))
        v.append(dt(desc, 40, "500", "(h-th)/2", "white", en))
    v.append(dt("认真揉搓双手　至少15秒", 72, "(w-tw)/2", "(h-th)/2-50", "white",
                "enable='gte(t,%.3f)'" % steps_end))
    v.append(dt("内 · 外 · 夹 · 弓 · 大 · 立 · 腕", 52, "(w-tw)/2", "(h-th)/2+60",
                "0xFFE082", "enable='gte(t,%.3f)'" % steps_end))
    v.append("drawbox=x=0:y=712:w='iw*t/%s':h=8:color=0xFFE082:t=fill" % dur)
    graph.append("[%s]format=yuv420p,%s[v]" % (last, ",".join(v)))
    graph.append("[0:a]volume=0.85,aresample=44100,apad[a]")
    ffmpeg(["-i", wav, "-filter_complex", ";".join(graph),
            "-map", "[v]", "-map", "[a]", "-t", str(dur)] + H264 + AAC +
           BITEXACT + ["-movflags", "+faststart", out])


def animation_drowning_gif(out):
    title, items, _ = read_script("animation-drowning-six-nos")
    dur, w, h = 5.0, 640, 360
    graph = ["color=c=0xFFF6E0:s=%dx%d:r=10:d=%s[bg]" % (w, h, dur),
             "color=c=0x4FA3E0:s=%dx70:r=10[w1]" % (w + 80),
             "color=c=0x2B7BB9:s=%dx40:r=10[w2]" % (w + 80),
             "[bg][w1]overlay=x='-40+30*sin(2*PI*t/2.5)':"
             "y='H-62+5*sin(2*PI*t/1.25)':shortest=1[o1]",
             "[o1][w2]overlay=x='-40-30*sin(2*PI*t/2.5)':"
             "y='H-36+4*cos(2*PI*t/1.25)':shortest=1[o2]"]
    v = ["drawbox=x=0:y=0:w=iw:h=58:color=0xE53935:t=fill",
         dt(title, 36, "(w-tw)/2", "10", "white")]
    for i, (item,) in enumerate(items):
        start = 0.4 + 0.55 * i
        v.append(dt("%d. %s" % (i + 1, item), 23, "60",
                    "%d-'10*max(0,1-(t-%.2f)/0.3)'" % (72 + 34 * i, start),
                    "0x263238", "enable='gte(t,%.2f)'" % start))
    v.append(dt("珍爱生命　预防溺水", 22, "w-tw-16", "h-28", "white",
                "enable='gte(t,3.8)'"))
    graph.append("[o2]%s,split[a][b]" % ",".join(v))
    graph.append("[a]palettegen=max_colors=48:reserve_transparent=0:"
                 "stats_mode=full[p]")
    graph.append("[b][p]paletteuse=dither=none[g]")
    ffmpeg(["-filter_complex", ";".join(graph), "-map", "[g]", "-t", str(dur),
            "-loop", "0", "-fflags", "+bitexact", out])


# ---------------------------------------------------------------- AUDIO
def audio(name, out, fmt):
    title, _, narration = read_script(name)
    wav = os.path.join(TMP, name + ".wav")
    spans = tts(narration, wav, speed=180, gap=0.4, lead=0.5)
    dur = spans[-1][1] + 0.8
    if not 20 <= dur <= 40:
        sys.exit("%s: %.1f s is outside 20-40 s" % (name, dur))
    af = "volume=0.85,aresample=44100,apad,afade=t=out:st=%.2f:d=0.5" % (dur - 0.5)
    if fmt == "mp3":
        codec = ["-c:a", "libmp3lame", "-b:a", "64k", "-ac", "1",
                 "-id3v2_version", "3", "-write_xing", "1"]
    else:
        codec = AAC + ["-movflags", "+faststart"]
    ffmpeg(["-i", wav, "-af", af, "-t", "%.2f" % dur] + BITEXACT + codec +
           ["-metadata", "title=" + title, "-metadata", "genre=科普", out])


# ---------------------------------------------------------------- ARTICLE
PDF_CSS = """
@page { size: A4; margin: 22mm 20mm;
        @bottom-center { content: "市科普平台示例作品 · CC BY-NC 4.0 · 第 " counter(page) " 页";
                         font-family: "WenQuanYi Zen Hei"; font-size: 9pt; color: #777; } }
body { font-family: "WenQuanYi Zen Hei"; font-size: 11.5pt; line-height: 1.75; color: #222; }
h1 { font-size: 20pt; color: #0b5394; border-bottom: 2px solid #0b5394;
     padding-bottom: 6pt; margin-bottom: 14pt; }
h2 { font-size: 14pt; color: #0b5394; margin-top: 16pt; }
p { text-indent: 2em; margin: 6pt 0; text-align: justify; }
header { display: none; }
"""


def article_docx(name, out):
    run(["pandoc", os.path.join(TEXTS, name + ".md"), "-f", "markdown",
         "-t", "docx", "--quiet", "-M", "lang=zh-CN", "-o", out])


def article_pdf(name, out):
    css = os.path.join(TMP, "article.css")
    with open(css, "w", encoding="utf-8") as f:
        f.write(PDF_CSS)
    html = os.path.join(TMP, name + ".html")
    title, _, _ = read_script(name)
    run(["pandoc", os.path.join(TEXTS, name + ".md"), "-f", "markdown",
         "-t", "html5", "-s", "--quiet", "-M", "lang=zh-CN", "-M", "pagetitle=" + title,
         "--css", css, "-o", html])
    run(["weasyprint", "-q", html, out])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], check=True,
                          capture_output=True, text=True).stdout
    if title.split("：")[0] not in text:
        sys.exit("%s: Chinese text not extractable from PDF" % out)


# ---------------------------------------------------------------- main
def main():
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    os.environ["TZ"] = "UTC"
    os.chdir(ROOT)
    for d in ("video", "animation", "audio", "articles"):
        os.makedirs(d, exist_ok=True)
    jobs = {
        "video": lambda: [
            video("video-summer-food-safety", "video/summer-food-safety.mp4",
                  "0x2E7D32", "0x1565C0", "0x43A047"),
            video("video-earthquake-drill", "video/earthquake-drill.mp4",
                  "0xBF360C", "0x4E342E", "0xE64A19"),
            video("video-carbon-peak-neutral", "video/carbon-peak-neutral.mp4",
                  "0x00695C", "0x0277BD", "0x00897B")],
        "animation": lambda: [
            animation_handwashing("animation/seven-step-handwashing.mp4"),
            animation_drowning_gif("animation/drowning-six-nos.gif")],
        "audio": lambda: [
            audio("audio-hypertension", "audio/hypertension.mp3", "mp3"),
            audio("audio-rural-smart-farming", "audio/rural-smart-farming.m4a",
                  "m4a")],
        "articles": lambda: [
            article_docx("article-kitchen-experiments",
                         "articles/kitchen-experiments.docx"),
            article_pdf("article-confined-space-safety",
                        "articles/confined-space-safety.pdf")],
    }
    only = sys.argv[1:] or list(jobs)
    try:
        for k in only:
            print("== " + k, flush=True)
            jobs[k]()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
