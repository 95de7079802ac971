//! Capstone topics (a question, a plan in the student's words, and the
//! final products the work ends in), the milestones students plan, what a
//! mentor writes back, and why staff return a proposal.

use super::texts::{Content, Work};

/// One capstone a senior might take on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Topic {
    pub question: &'static str,
    pub plan: &'static str,
    /// The final products: the first always, the second for some.
    pub products: [Work; 2],
}

const TAGS: &[&str] = &[
    "p21:critical_thinking",
    "p21:information_literacy",
    "p21:initiative_self_direction",
    "p21:communication",
];

const fn product(title: &'static str, description: &'static str, reflection: &'static str, url: &'static str) -> Work {
    Work {
        grades: (11, 12),
        title,
        description,
        reflections: [reflection, reflection],
        content: Content::Link(url),
        tags: TAGS,
    }
}

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        question: "How can our school cut the food thrown away at lunch?",
        plan: "Weigh what the cafeteria throws away for two weeks, survey students about why, try one change \
               (a share table) for two weeks and weigh again. Present the results to the principal and the food service director.",
        products: [
            product(
                "Capstone paper: cutting cafeteria food waste",
                "My research paper with the before-and-after data from the share table.",
                "The share table cut waste by about a fifth. The survey surprised me: most kids just don't have time to eat.",
                "https://docs.example.org/d/capstone-cafeteria-food-waste",
            ),
            product(
                "Share table pilot: data dashboard",
                "Charts of two weeks of cafeteria waste before and after the pilot.",
                "Making the charts clear enough for the principal was harder than collecting the data.",
                "https://slides.example.org/p/share-table-dashboard",
            ),
        ],
    },
    Topic {
        question: "Why do new nurses leave their first job, and what helps them stay?",
        plan: "Read studies on nurse turnover, interview four nurses at different stages of their careers, \
               and write a paper with recommendations for a hospital's first-year program.",
        products: [
            product(
                "Capstone paper: why new nurses leave",
                "Research paper with findings from four interviews and six studies.",
                "The nurses all said the same thing: a good mentor in the first year is everything.",
                "https://docs.example.org/d/capstone-new-nurse-retention",
            ),
            product(
                "Interview highlights (audio)",
                "Short clips from my interviews, shared with permission.",
                "Editing the clips taught me to listen for the one sentence that says it all.",
                "https://audio.example.org/episodes/new-nurses-interviews",
            ),
        ],
    },
    Topic {
        question: "Would a later start time help students at our school sleep more?",
        plan: "Survey students about sleep and first-period alertness, compare with schools that changed their start time, \
               and present a proposal to the school board's student advisory committee.",
        products: [
            product(
                "Capstone paper: a later start for Riverside?",
                "Research paper and survey results from 240 students.",
                "I learned how to present data to adults who disagree with you: start with what you agree on.",
                "https://docs.example.org/d/capstone-later-start-time",
            ),
            product(
                "Presentation to the student advisory committee",
                "The slides I presented to the board's committee.",
                "I was terrified but the questions were fair. One board member asked for my survey.",
                "https://slides.example.org/p/later-start-board-presentation",
            ),
        ],
    },
    Topic {
        question: "Can a small rain garden reduce flooding behind the gym?",
        plan: "Measure where water collects after storms, research native plants with the county extension office, \
               design a rain garden, and build a small test plot with the environmental club.",
        products: [
            product(
                "Rain garden design and results",
                "Site plan, plant list and rainfall measurements before and after.",
                "Digging in November was miserable but seeing the water soak in after the first storm was worth it.",
                "https://docs.example.org/d/capstone-rain-garden",
            ),
            product(
                "Rain garden build (video)",
                "Time-lapse of the build day with the environmental club.",
                "Twelve people showed up to help. I didn't know that many people cared.",
                "https://video.example.org/watch/rain-garden-build",
            ),
        ],
    },
    Topic {
        question: "How can small restaurants in our town use less plastic without raising prices?",
        plan: "Interview five restaurant owners, price out alternatives to plastic takeout containers, \
               and write a guide with the options that cost the same or less.",
        products: [
            product(
                "Guide: less plastic for small restaurants",
                "A four-page guide I gave to the owners I interviewed.",
                "Two owners switched their cups after reading it. That felt real.",
                "https://docs.example.org/d/capstone-restaurant-plastic-guide",
            ),
            product(
                "Capstone paper: plastic and small business",
                "The research paper behind the guide.",
                "Writing for business owners is different from writing for teachers. Shorter is better.",
                "https://docs.example.org/d/capstone-plastic-small-business-paper",
            ),
        ],
    },
    Topic {
        question: "Does learning to code in middle school change what students think they can do?",
        plan: "Run a six-week after-school coding club for seventh graders at the middle school, survey them before and after \
               about confidence in math and technology, and write up what changed.",
        products: [
            product(
                "Coding club curriculum",
                "Six lesson plans and the projects the seventh graders built.",
                "Teaching is so much harder than it looks. Lesson three was a disaster and I rewrote it.",
                "https://code.example.org/projects/middle-school-coding-club",
            ),
            product(
                "Capstone paper: coding and confidence",
                "Survey results and what I learned running the club.",
                "The biggest change was in the girls' answers about technology. That surprised me.",
                "https://docs.example.org/d/capstone-coding-confidence",
            ),
        ],
    },
    Topic {
        question: "What would it take to make the Mill Creek trail safe to walk to school?",
        plan: "Walk the route with a city planner, count traffic at the two crossings, survey families who live nearby, \
               and present a list of fixes to the city's transportation committee.",
        products: [
            product(
                "Mill Creek trail safety report",
                "Traffic counts, photos and a list of fixes ranked by cost.",
                "The city planner said my traffic counts were better than theirs. I'll take it.",
                "https://docs.example.org/d/capstone-mill-creek-trail-safety",
            ),
            product(
                "Map of the route and the problem spots",
                "An online map with photos at each crossing.",
                "Making the map made the problems obvious in a way the report didn't.",
                "https://maps.example.org/m/mill-creek-trail",
            ),
        ],
    },
    Topic {
        question: "How do teenagers decide whether to trust health information on social media?",
        plan: "Survey students about where they get health information, run a short lesson on checking sources \
               in two health classes, and measure whether it changed how they rate three sample posts.",
        products: [
            product(
                "Capstone paper: health advice on social media",
                "Survey and lesson results from two health classes.",
                "After the lesson students trusted the fake post less, but not by as much as I hoped.",
                "https://docs.example.org/d/capstone-health-misinformation",
            ),
            product(
                "Lesson: checking a health claim in five minutes",
                "The lesson and slides I taught in health class.",
                "I want to be a nurse, and this showed me how much of the job is teaching.",
                "https://slides.example.org/p/check-a-health-claim",
            ),
        ],
    },
    Topic {
        question: "Can a used-car repair budget be predicted from a car's age and mileage?",
        plan: "Collect repair records from the auto shop class and a local garage, build a simple model in a spreadsheet, \
               and test it on ten cars the garage has not given me.",
        products: [
            product(
                "Repair cost model (spreadsheet)",
                "The data and the model, with the ten test cars.",
                "The model was off by a lot on two cars. Both had been in accidents, which my data didn't show.",
                "https://docs.example.org/d/capstone-repair-cost-model",
            ),
            product(
                "Capstone paper: predicting repair costs",
                "What I found and how a buyer could use it.",
                "My uncle used it before buying his truck. He says it saved him from a bad one.",
                "https://docs.example.org/d/capstone-repair-cost-paper",
            ),
        ],
    },
    Topic {
        question: "How did the closing of the shipyard change our neighborhood?",
        plan: "Interview six people who worked at the shipyard or grew up near it, use the library's newspaper archive \
               and census data, and make an oral history podcast.",
        products: [
            product(
                "Podcast: After the Shipyard",
                "Three episodes of oral history with people from the neighborhood.",
                "My grandfather cried during his interview. I didn't know how much that job meant to him.",
                "https://audio.example.org/episodes/after-the-shipyard",
            ),
            product(
                "Capstone paper: the shipyard and the neighborhood",
                "The history paper with census numbers from 1980 to 2020.",
                "The numbers and the stories didn't always agree. Figuring out why was the best part.",
                "https://docs.example.org/d/capstone-shipyard-history",
            ),
        ],
    },
    Topic {
        question: "What makes a mural change how people feel about a place?",
        plan: "Research community mural projects, survey people at the bus stop on Pine Street, design a mural with \
               neighbors' ideas and paint it on the plywood panels the hardware store donated.",
        products: [
            product(
                "Pine Street mural",
                "Photos of the finished mural and the sketches from the community meeting.",
                "A lady at the bus stop thanked me every day for a week. That's the whole point.",
                "https://gallery.example.org/student-work/pine-street-mural",
            ),
            product(
                "Capstone paper: murals and public space",
                "The research and the before-and-after survey.",
                "People said the stop felt safer after, even though nothing else changed.",
                "https://docs.example.org/d/capstone-murals-public-space",
            ),
        ],
    },
    Topic {
        question: "Can a ninth-grade peer mentoring program reduce course failures?",
        plan: "Pair twelve ninth graders with trained junior and senior mentors for one semester, \
               track their grades and attendance, and compare with students who were not in the program.",
        products: [
            product(
                "Peer mentoring program guide",
                "The training, the weekly check-in sheet and the schedule.",
                "Training the mentors was the most important part. I would spend more time on it next time.",
                "https://docs.example.org/d/capstone-peer-mentoring-guide",
            ),
            product(
                "Capstone paper: peer mentoring and ninth grade",
                "Grades and attendance for both groups, and interviews.",
                "The numbers were small but the ninth graders said it helped, and so did their teachers.",
                "https://docs.example.org/d/capstone-peer-mentoring-paper",
            ),
        ],
    },
    Topic {
        question: "How much energy could our school save by changing when the lights and heat run?",
        plan: "Work with the facilities manager to read the building's energy data, log room use for two weeks, \
               and estimate savings from a new schedule.",
        products: [
            product(
                "Energy audit report",
                "Room use logs, energy data and my estimate of the savings.",
                "We could save around $9,000 a year. The facilities manager wants to try it in two wings.",
                "https://docs.example.org/d/capstone-energy-audit",
            ),
            product(
                "Energy savings presentation",
                "The slides I used with the facilities manager and principal.",
                "I learned to lead with the money. That's what got their attention.",
                "https://slides.example.org/p/energy-audit-presentation",
            ),
        ],
    },
    Topic {
        question: "What do small businesses on Harbor Street need most from high-school interns?",
        plan: "Survey twenty business owners, run a small matching pilot with three businesses and three students, \
               and write a proposal for a school internship program.",
        products: [
            product(
                "Internship program proposal",
                "A proposal for the school's career center with the survey results.",
                "Owners care more about showing up on time than any skill. That's useful to know.",
                "https://docs.example.org/d/capstone-harbor-street-internships",
            ),
            product(
                "Survey of Harbor Street businesses",
                "The survey and what twenty owners said.",
                "Walking into businesses and asking for ten minutes got easier after the fifth one.",
                "https://docs.example.org/d/harbor-street-business-survey",
            ),
        ],
    },
];

/// Milestones in the order the work goes; a student plans some of them.
pub(super) const MILESTONES: &[&str] = &[
    "Find five credible sources",
    "Interview an expert",
    "Finish the literature review",
    "Design the survey or test",
    "Collect the data",
    "First draft of the paper",
    "Build the final product",
    "Final draft to my mentor",
    "Practice presentation with my advisor",
];

/// What a mentor writes back on a milestone (staff type it in).
pub(super) const FEEDBACK: &[&str] = &[
    "Good start. Narrow the question to our county so the data is manageable.",
    "Strong sources. Add one that disagrees with you and answer it.",
    "The survey is too long; cut it to ten questions and pilot it with five friends first.",
    "Great interview notes. Pull out the three quotes you will actually use.",
    "Your draft has a clear argument now. Work on the conclusion: what should someone do?",
    "On schedule and well organized. Keep going.",
    "The data section needs a chart; the table is hard to read.",
    "Nice work meeting this one early.",
    "Let's meet before the next milestone; I want to see the plan for collecting data.",
    "You did a lot of work here. Make sure the product answers your question directly.",
];

/// Why staff return a proposal.
pub(super) const RETURN_COMMENTS: &[&str] = &[
    "The question is too broad to answer in a year. Narrow it to one place or one group of people.",
    "Please add how you will collect evidence, not only what you will read.",
    "Your mentor needs to be someone outside your family. Let's talk about who could do it.",
    "Good idea. The plan needs a timeline with at least three milestones before winter break.",
    "This reads like a report topic. What is the question you are trying to answer?",
];

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_domain::portfolio::capstone::{NewMilestone, ProposalRaw, ReturnComment};

    #[test]
    fn every_topic_is_a_proposal_the_form_would_accept() {
        for t in TOPICS {
            let p = ProposalRaw {
                question: t.question,
                plan: t.plan,
                mentor_name: "Dr. Rosa Vega",
                mentor_email: "rosa.vega@example.org",
            }
            .parse();
            assert!(p.is_ok(), "{}: {p:?}", t.question);
            assert!(!t.plan.contains("  "), "{}: stray spaces", t.question);
            for w in t.products {
                assert!(matches!(w.content, Content::Link(u) if u.contains(".example.org/")));
            }
        }
        for m in MILESTONES {
            assert!(NewMilestone::parse(m, "2027-03-01").is_ok(), "{m}");
        }
        for c in RETURN_COMMENTS {
            assert!(ReturnComment::parse(c).is_ok(), "{c}");
        }
    }
}
