#!/usr/bin/env python3
"""Write ../manifest.json: one entry per sample work. Article bodies are read
from texts/*.md so the manifest and the rendered files share one source.
All person names below are fictional (see README.md)."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NARRATOR = {"role": "NARRATOR", "name": "eSpeak NG 合成语音"}


def c(role, name):
    return {"role": role, "name": name}


WORKS = [
    {
        "file": "video/summer-food-safety.mp4",
        "kind": "VIDEO",
        "title": "夏季剩饭剩菜怎么存",
        "summary": "夏天细菌繁殖快，剩饭剩菜应在两小时内冷藏、生熟分开存放，再次食用前彻底加热。",
        "topics": ["food-safety", "health"],
        "organisation": "nutrition",
        "tags": ["食品安全", "剩饭剩菜", "夏季饮食"],
        "credits": [c("AUTHOR", "林晓岚"), c("EXPERT", "周建华"), NARRATOR,
                    c("PRODUCER", "陈思远")],
    },
    {
        "file": "video/earthquake-drill.mp4",
        "kind": "VIDEO",
        "title": "地震来了怎么办",
        "summary": "地震发生时就近伏地、遮挡、手抓牢，远离窗户和外墙，不乘电梯、不跳楼，震后有序撤离到空旷地带。",
        "topics": ["emergency"],
        "organisation": "emergency",
        "tags": ["地震", "应急避险", "防灾减灾"],
        "credits": [c("AUTHOR", "赵立新"), c("EXPERT", "马文涛"), NARRATOR,
                    c("PRODUCER", "陈思远")],
    },
    {
        "file": "video/carbon-peak-neutral.mp4",
        "kind": "VIDEO",
        "title": "碳达峰与碳中和",
        "summary": "用三句话讲清“双碳”目标：二氧化碳排放力争2030年前达峰、努力争取2060年前实现碳中和，以及每个人能做什么。",
        "topics": ["carbon"],
        "organisation": "energy",
        "tags": ["碳达峰", "碳中和", "绿色生活"],
        "credits": [c("AUTHOR", "王海燕"), c("EXPERT", "郑国栋"), NARRATOR,
                    c("PRODUCER", "陈思远")],
    },
    {
        "file": "animation/seven-step-handwashing.mp4",
        "kind": "ANIMATION",
        "title": "七步洗手法",
        "summary": "动画演示“内、外、夹、弓、大、立、腕”七步洗手法，提醒认真揉搓双手至少15秒。",
        "topics": ["health"],
        "organisation": "medical",
        "tags": ["洗手", "传染病预防", "个人卫生"],
        "credits": [c("AUTHOR", "何静怡"), c("EXPERT", "刘明哲"),
                    c("ILLUSTRATOR", "孙雨桐"), NARRATOR],
    },
    {
        "file": "animation/drowning-six-nos.gif",
        "kind": "ANIMATION",
        "title": "防溺水“六不”",
        "summary": "一张循环动图，逐条展示中小学生防溺水“六不”要求。",
        "topics": ["minors", "emergency"],
        "organisation": "youth-tech",
        "tags": ["防溺水", "暑期安全", "中小学生"],
        "credits": [c("AUTHOR", "吴志强"), c("ILLUSTRATOR", "孙雨桐")],
    },
    {
        "file": "audio/hypertension.mp3",
        "kind": "AUDIO",
        "title": "高血压防治小课堂",
        "summary": "高血压早期常无症状：了解诊断标准，少盐、戒烟限酒、坚持运动，35岁以上每年至少测一次血压，确诊后规律服药。",
        "topics": ["health"],
        "organisation": "medical",
        "tags": ["高血压", "慢性病", "健康生活方式"],
        "credits": [c("AUTHOR", "刘明哲"), c("EXPERT", "黄秀英"), NARRATOR],
    },
    {
        "file": "audio/rural-smart-farming.m4a",
        "kind": "AUDIO",
        "title": "乡村振兴里的科技",
        "summary": "植保无人机、水肥一体化、土壤墒情传感器和测土配方施肥，正在改变种地的方式。",
        "topics": ["rural"],
        "organisation": "agronomy",
        "tags": ["智慧农业", "乡村振兴", "科技下乡"],
        "credits": [c("AUTHOR", "杨春生"), c("EXPERT", "田丰收"), NARRATOR],
    },
    {
        "file": "articles/kitchen-experiments.docx",
        "kind": "ARTICLE",
        "title": "“双减”之后：在厨房里做科学小实验",
        "summary": "三个用紫甘蓝、白醋、小苏打和鸡蛋就能完成的家庭小实验，附安全提示，帮助孩子在课后动手探究。",
        "topics": ["double-reduction", "minors"],
        "organisation": "youth-tech",
        "tags": ["双减", "家庭实验", "科学启蒙"],
        "credits": [c("AUTHOR", "吴志强"), c("EXPERT", "郭晓雯")],
        "body": "texts/article-kitchen-experiments.md",
    },
    {
        "file": "articles/confined-space-safety.pdf",
        "kind": "ARTICLE",
        "title": "安全生产小常识：有限空间作业“先通风、再检测、后作业”",
        "summary": "介绍有限空间作业的主要风险、作业前后的安全要求和“严禁盲目施救”的原则。",
        "topics": ["work-safety"],
        "organisation": "kexie",
        "tags": ["安全生产", "有限空间", "中毒窒息"],
        "credits": [c("AUTHOR", "钱卫东"), c("EXPERT", "马文涛")],
        "body": "texts/article-confined-space-safety.md",
    },
]


def main():
    out = []
    for w in WORKS:
        w = dict(w)
        assert os.path.isfile(os.path.join(ROOT, w["file"])), w["file"]
        w["originality"] = "ORIGINAL"
        w["licence"] = "CC-BY-NC-4.0"
        if "body" in w:
            with open(os.path.join(ROOT, w["body"]), encoding="utf-8") as f:
                w["body"] = f.read()
        out.append(w)
    with open(os.path.join(ROOT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"version": 1, "works": out}, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
