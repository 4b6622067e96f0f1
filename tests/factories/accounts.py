import factory
from allauth.mfa.totp.internal.auth import TOTP

from cocade.accounts.enums import Role
from cocade.accounts.models import ApiToken, Membership, User

#: The TOTP secret of every factory user that has a second factor (base32).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def with_totp(self, create, extracted, **kwargs):
        if create and extracted:
            TOTP.activate(self, TOTP_SECRET)
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.COUNSELLOR
    centre = factory.SubFactory("tests.factories.directory.CentreFactory")


class ApiTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiToken

    user = factory.SubFactory(UserFactory)
    name = "integration"
    prefix = factory.Sequence(lambda n: f"cct_{n:08d}")
    key_hash = factory.Sequence(lambda n: f"{n:064x}")
