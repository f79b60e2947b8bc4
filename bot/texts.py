"""Everything the bot itself says (Rasa says the rest). Plain words, reading age 9.

Where the bot says something Rasa also says (how to carry on after a pause),
it takes Rasa's words from domain.yml, so the two never disagree. Like Rasa,
the bot says "say hi" to carry on; /start does the same.
"""

from __future__ import annotations

from bot import responses

HELP = (
    "I'm What Matters, a computer program, not a person.\n"
    "\n"
    "Before your appointment, I ask you about what matters to you: your life, "
    "what is going well, what is hard, and what you would like to change. "
    "If you look after someone, you can answer for them. "
    "I write your answers down as a draft plan for your care team. "
    "They read it, and decide with you what happens next.\n"
    "\n"
    "I'm not for emergencies. If a life is at risk, call 999. "
    "For urgent help that is not an emergency, call 111.\n"
    "\n"
    "Things you can send me:\n"
    "/start - start, or carry on where we stopped (or just say hi)\n"
    "/stop - take a break (I keep your answers)\n"
    "/summary - see your draft plan so far\n"
    "/mydata - get a file of everything I have stored about you\n"
    "/reminders - turn reminders before your appointment on or off\n"
    "/delete - delete everything I have stored about you\n"
    "/help - show this message"
)

COMMANDS: list[tuple[str, str]] = [
    ("start", "Start, or carry on where we stopped"),
    ("summary", "See your draft plan so far"),
    ("stop", "Take a break (your answers are kept)"),
    ("mydata", "Get a file of everything stored about you"),
    ("reminders", "Turn appointment reminders on or off"),
    ("delete", "Delete everything stored about you"),
    ("help", "What this bot is and what it can do"),
]

TROUBLE = (
    "I'm having trouble right now. Your answers so far are safe. "
    "I've kept your message and will pass it on as soon as I can."
)
BACK = "Thanks for waiting. I'm working again and have passed on what you sent."
NO_ANSWER = "Sorry, I couldn't get an answer to your last message. Please send it again in a few minutes."
PAUSED = responses.text("utter_pause")
ONLY_TEXT = "Sorry, I can only read text. Please type your answer."
VOICE = "Sorry, I can't listen to voice notes. Could you type your answer instead? A few words is fine."
EDITED = (
    "I saw you changed a message. I can't change an answer that way. "
    "If something needs fixing, just tell me now, and you can check everything with /summary."
)
OLD_BUTTON_SHORT = "That button is from earlier. Please use the newest one, or type your answer."
CHOSE = "You chose: {title}"
WENT_WRONG = "Sorry, something went wrong on my side. Your answers so far are safe. Please try again."

NO_PLAN = "You don't have a draft plan yet. Say hi to begin."
STORE_DOWN = (
    "Sorry, I can't reach your plan right now. Your answers are safe. Please try again in a few minutes."
)
MYDATA_CAPTION = "This file has everything I have stored about you."
NO_DATA = "I don't have anything stored about you."

DELETE_ASK = (
    "This will delete everything I have stored about you: your draft plan, your answers, "
    "your goals, my reminders and our messages in this chat. Your care team will not see any of it. "
    "This can't be undone.\n"
    "\n"
    "Do you want to delete everything?"
)
DELETE_YES = "Yes, delete everything"
DELETE_NO = "No, keep it"
DELETED = "Done. Everything I had stored about you is deleted, and so are my reminders."
CHAT_DELETED = "I've also deleted our messages in this chat."
CHAT_LEFT = (
    "Telegram doesn't let me delete messages that are more than 2 days old, so {count} older "
    "messages are still on your phone. You can delete them yourself: open the chat's menu "
    "and choose Clear history, or Delete chat."
)
MYDATA_LEFT = "If you saved the file from /mydata, it is still on your phone until you delete it."
BEGIN_AGAIN = "Say hi if you want to begin again."
DELETE_EXPIRED = "That question has expired, so nothing was deleted. Send /delete to ask again."
KEPT = "Okay, nothing was deleted."
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do."
ASK_AGAIN = "Back to where we were:"
PRIVATE_ONLY = "I only talk in private chats, to keep what you tell me private. Please message me directly."

# -- reminders and follow-ups (bot/reminders.py) --------------------------------
REMIND_ASK = "Would you like a reminder the day before your appointment?"
REMIND_YES = "Yes, remind me"
REMIND_NO = "No, thanks"
REMIND_ON = (
    "Okay. I'll send you a reminder on {day}, in the morning, with the things you want to talk about. "
    "Send /reminders to turn it off."
)
REMIND_OFF = "Okay, no reminder. Send /reminders if you change your mind."
REMIND_IS_ON = "Your reminder is on. I'll send it on {day}, in the morning."
REMIND_TURN_OFF = "Turn the reminder off"
NO_REMINDER_NEEDED = (
    "There's nothing for me to remind you about. I can remind you the day before your appointment "
    "once your plan has its date and is finished."
)
CARD_TITLE = "A reminder: your appointment is {when}."
CARD_REASON = "It's about: {reason}"
CARD_ONE_THING = "The one thing you most want to talk about:"
CARD_QUESTIONS = "Your questions for your care team:"
CARD_REVIEWED = "Your care team has read your plan."
CARD_NOT_REVIEWED = "Your care team has your plan. You can show them this message too."
SEE_PLAN = "See my whole plan"
FOLLOW_UP_ASK = (
    "How did your appointment on {day} go? "
    "Has anything in your plan changed? Tell me in a few words, "
    "and I'll add it to your plan for your care team."
)
NOTHING_CHANGED = "Nothing has changed"
FOLLOW_UP_THANKS = (
    "Thank you. I've added that to your plan, so your care team can see it. Say hi to carry on."
)
